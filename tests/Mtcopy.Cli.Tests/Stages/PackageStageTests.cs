using Mtcopy.Adapters.Results;
using Mtcopy.Cli.Stages;
using Mtcopy.Cli.Tests.Fixtures;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Cli.Tests.Stages;

/// <summary>
/// The Package stage over the fake kernel's build, with the packagers <see cref="StageContext.Packagers"/> gives it
/// (<see cref="FakePackagers"/>): which families it packs in which order, with which names, what it records, and how a
/// failed package smoke check fails it.
/// </summary>
public sealed class PackageStageTests : IDisposable
{
    private const string Release = "6.12.117-fake";

    private readonly StagePipeline pipeline = new();

    public void Dispose() => pipeline.Dispose();

    [Fact]
    public async Task Every_family_is_packed_smoked_and_linted_through_the_given_packagers_and_recorded()
    {
        await BuiltAsync();
        var packagers = new FakePackagers();

        int exit = await RunAsync(packagers);

        (string status, string message) = pipeline.Recorded("package");
        Assert.True(exit == CliApp.ExitOk, $"exit {exit}: {message}");
        Assert.Equal("PASS", status);
        string build = FileHash.Sha256(Path.Combine(pipeline.OutDir, "smoke", "bzImage"))[..8];
        Assert.Equal(
            ["dkms mtcopy-dkms_0.1.0-1_all.deb", $"kernel {Release} Test Author left out: mtcopy", $"modules mtcopy-modules-{Release}_0.1.0+k{build}_amd64.deb signed: False",
             "unpatched kernel without CONFIG_OFFC_MIGRATION", $"smoke deb mtcopy-dkms_0.1.0-1_all.deb linux-headers-{Release}_6.12.117+mtcopy.0.1.0-1_amd64.deb",
             "smoke rpm kernel-6.12.117_fake-1.x86_64.rpm /usr/src/mtcopy-0.1.0",
             "lint mtcopy_0.1.0-1.dsc", "lint mtcopy-dkms_0.1.0-1_all.deb", "lint dkms-mtcopy-0.1.0-1.noarch.rpm", $"lint mtcopy-modules-{Release}_0.1.0+k{build}_amd64.deb",
             $"lint kmod-mtcopy-0.1.0-1.k{build}.x86_64.rpm", $"lint kmod-mtcopy-{Release}-0.1.0-1.k{build}.x86_64.rpm"],
            packagers.Calls);
        string[] sums = File.ReadAllLines(Path.Combine(pipeline.OutDir, "packages", ChecksumFile.Sha256SumsFileName));
        Assert.Equal(15, sums.Length); // tarball, the Debian source package (3), .deb, .rpm; 3 kernel .debs, 3 kernel rpms; the module .deb and 2 rpms
        Assert.Contains(sums, l => l.EndsWith("  " + $"linux-image-{Release}_6.12.117+mtcopy.0.1.0-1_amd64.deb", StringComparison.Ordinal));
        var state = StateFile.Read<PackageStage.State>(pipeline.StateDir, PackageStage.StateName);
        Assert.Equal(Path.Combine(pipeline.OutDir, "smoke", "dkms", "mtcopy.ko"), state.DkmsModule);
        Assert.Contains("package smoke: 3 checks passed, DKMS declined the unpatched kernel (exit 77)", message, StringComparison.Ordinal);
        Assert.Contains("not signed (no --sign-key)", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_key_sign_file_comes_before_the_kernel_packages_and_the_module_is_signed_before_it_is_packed()
    {
        await BuiltAsync();
        var packagers = new FakePackagers();
        string key = pipeline.WriteRepo("key.pem", "private");
        string cert = pipeline.WriteRepo("cert.der", "public");

        int exit = await RunAsync(packagers, "--sign-key=" + key, "--sign-cert=" + cert);

        Assert.Equal(CliApp.ExitOk, exit);
        Assert.Equal(["dkms", "sign-file", "kernel", "sign", "modules"], packagers.Calls.Take(5).Select(c => c.Split(' ')[0]));
        Assert.Equal("sign mtcopy.ko", packagers.Calls[3]);
        Assert.EndsWith("signed: True", packagers.Calls[4], StringComparison.Ordinal);
        Assert.Contains("module signed with cert.der", pipeline.Recorded("package").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_smoke_check_fails_the_stage_naming_it_and_a_rerun_packs_again()
    {
        await BuiltAsync();

        int exit = await RunAsync(new FakePackagers { FailingSmokeCheck = "rpm/erase_leaves_nothing" });

        (string status, string message) = pipeline.Recorded("package");
        Assert.NotEqual(CliApp.ExitOk, exit);
        Assert.Equal("FAIL", status);
        Assert.Contains("FAILED rpm/erase_leaves_nothing", message, StringComparison.Ordinal);
        var again = new FakePackagers();
        Assert.Equal(CliApp.ExitOk, await RunAsync(again));
        Assert.Contains(again.Calls, c => c.StartsWith("dkms ", StringComparison.Ordinal));
    }

    // The fake build leaves no vmlinux; the kernel packages' stamp hashes it, as the real build leaves it.
    private async Task BuiltAsync()
    {
        await pipeline.BuildAsync();
        File.WriteAllText(Path.Combine(pipeline.OutDir, "work", "build-smoke", "vmlinux"), "vmlinux\n");
    }

    private Task<int> RunAsync(FakePackagers packagers, params string[] options)
    {
        StageContext context = pipeline.Context("package", options);
        return CliApp.RunStageAsync(new PackageStage(),
            new StageContext(context.Options, context.Layout, context.Runner, context.Console, context.Metadata) { Packagers = packagers }, CancellationToken.None);
    }
}
