using Mtcopy.Adapters.Packaging;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Core;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Tests.Packaging;

public sealed class ModuleSignerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [KernelSourceFact]
    public async Task The_kernels_sign_file_appends_a_signature_that_ends_with_the_marker_and_is_the_same_every_time()
    {
        string signFile = _temp.Combine("sign-file");
        string source = Path.Combine(KernelSourceFactAttribute.Find()!, "scripts", "sign-file.c");
        await ToolOutput.LinesAsync("sh", "-c", $"cc -O2 -o '{signFile}' '{source}' $(pkg-config --cflags --libs libcrypto 2>/dev/null || echo -lcrypto)");
        ModuleSigningKey key = await ThrowawayKeyAsync();
        string module = await FakeModule.CompileAsync(_temp);
        byte[] unsigned = await File.ReadAllBytesAsync(module);
        string again = _temp.Combine("again.ko");
        File.Copy(module, again);

        await new ModuleSigner(new RecordingRunner()).SignAsync(signFile, key, module);
        await new ModuleSigner(new RecordingRunner()).SignAsync(signFile, key, again);

        byte[] signed = await File.ReadAllBytesAsync(module);
        Assert.False(ModuleSignature.IsSigned(unsigned));
        Assert.True(ModuleSignature.IsSigned(signed));
        Assert.Equal(unsigned, signed[..unsigned.Length]);
        Assert.True(signed.Length > unsigned.Length + 256, $"only {signed.Length - unsigned.Length} bytes appended");
        Assert.Equal(signed, await File.ReadAllBytesAsync(again));
    }

    [Fact]
    public async Task A_sign_file_that_leaves_no_signature_is_caught()
    {
        string signFile = _temp.Combine("sign-file");
        await File.WriteAllTextAsync(signFile, "#!/bin/sh\nexit 0\n");
        await ToolOutput.LinesAsync("chmod", "+x", signFile);
        ModuleSigningKey key = await ThrowawayKeyAsync();
        string module = await FakeModule.CompileAsync(_temp);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => new ModuleSigner(new RecordingRunner()).SignAsync(signFile, key, module));

        Assert.Contains("signature marker", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_key_file_names_the_option()
    {
        var key = new ModuleSigningKey(_temp.Combine("nope.pem"), _temp.Combine("nope.der"));

        var e = await Assert.ThrowsAsync<UserErrorException>(() => new ModuleSigner(new RecordingRunner()).SignAsync("/bin/true", key, _temp.Combine("m.ko")));

        Assert.StartsWith($"--sign-key={key.PrivateKeyPath}: no such file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_file_is_built_by_kbuild_with_module_signing_switched_on_for_scripts_only_and_only_once()
    {
        using var tree = new FakePackagingTree();
        var runner = new RecordingRunner();

        string first = await new ModuleSigner(runner).EnsureSignFileAsync(tree.Tree, tree.LogDir);
        string second = await new ModuleSigner(runner).EnsureSignFileAsync(tree.Tree, tree.LogDir);

        Assert.Equal(Path.Combine(tree.BuildDir, "scripts", "sign-file"), first);
        Assert.Equal(first, second);
        Assert.Equal(["scripts/ CONFIG_MODULE_SIG_FORMAT=y"], tree.Calls());
        Assert.Single(runner.Specs);
    }

    private async Task<ModuleSigningKey> ThrowawayKeyAsync()
    {
        var key = new ModuleSigningKey(_temp.Combine("key.pem"), _temp.Combine("cert.der"));
        await ToolOutput.LinesAsync("openssl", "req", "-new", "-x509", "-nodes", "-days", "1", "-subj", "/CN=mtcopy test key",
            "-newkey", "rsa:2048", "-keyout", key.PrivateKeyPath, "-outform", "DER", "-out", key.CertificatePath);
        return key;
    }
}
