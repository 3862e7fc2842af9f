using Mtcopy.Adapters.Kernel;
using Mtcopy.Adapters.Results;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Core;
using Mtcopy.Core.Kernel;

namespace Mtcopy.Adapters.Tests.Kernel;

public sealed class KernelConfiguratorTests : IDisposable
{
    private const string Fragment = """
        # mtcopy test fragment
        CONFIG_MIGRATION=y
        CONFIG_HZ=250
        # CONFIG_DEBUG_INFO is not set
        """;

    private readonly FakeKernelTree _kernel = new();

    public void Dispose() => _kernel.Dispose();

    private KernelConfigRequest Request(string fragmentText, KernelConfigBase? baseConfig = null) =>
        new(_kernel.Tree, baseConfig ?? KernelConfigBase.FromTargets("tinyconfig"),
            _kernel.WriteFile("cfg/mtcopy.config", fragmentText), _kernel.LogDir);

    [Fact]
    public async Task Tinyconfig_then_merge_then_olddefconfig_in_the_build_dir()
    {
        var runner = new RecordingRunner();
        var lines = new List<string>();

        KernelConfigResult result = await new KernelConfigurator(runner).ConfigureAsync(Request(Fragment), lines.Add);

        Assert.Equal(Path.Combine(_kernel.BuildDir, ".config"), result.ConfigPath);
        Assert.Equal(FileHash.Sha256(result.ConfigPath), result.Sha256);
        Assert.Equal(
            ["tinyconfig ARCH=x86_64", $"merge ARCH=x86_64 cwd={_kernel.BuildDir}", "olddefconfig ARCH=x86_64"],
            _kernel.Calls());
        KconfigFile final = KconfigFile.Parse(File.ReadAllText(result.ConfigPath), result.ConfigPath);
        Assert.Equal("250", final.ValueOf("CONFIG_HZ")!.Text);
        Assert.Equal(
            ["make", "sh", "make"],
            runner.Specs.Select(s => s.Program));
        Assert.Contains(lines, l => l.StartsWith("Merging ", StringComparison.Ordinal));
        Assert.Contains("# configuration written to .config", File.ReadAllText(result.LogPath), StringComparison.Ordinal);
        Assert.Equal(Path.Combine(_kernel.LogDir, KernelConfigurator.LogFileName), result.LogPath);
        Assert.False(File.Exists(Path.Combine(_kernel.SourceDir, ".config")));
    }

    [Fact]
    public async Task Full_config_file_is_copied_instead_of_running_a_target()
    {
        string bootConfig = _kernel.WriteFile("boot/config-6.12.0-1-amd64", "CONFIG_64BIT=y\nCONFIG_MODULES=y\nCONFIG_HZ=1000\n");

        KernelConfigResult result = await new KernelConfigurator(new RecordingRunner())
            .ConfigureAsync(Request(Fragment, KernelConfigBase.FromFile(bootConfig)));

        Assert.DoesNotContain(_kernel.Calls(), c => c.StartsWith("tinyconfig", StringComparison.Ordinal));
        string config = File.ReadAllText(result.ConfigPath);
        Assert.Contains("CONFIG_MODULES=y", config, StringComparison.Ordinal);
        Assert.Equal("CONFIG_HZ=1000", File.ReadLines(bootConfig).Last());
    }

    [Fact]
    public async Task Dropped_option_is_named_with_fragment_line_and_a_hint()
    {
        string fragment = Fragment + "\nCONFIG_FAKE_NEEDS_MISSING_DEP=y\n";

        var error = await Assert.ThrowsAsync<ConfigVerificationException>(() =>
            new KernelConfigurator(new RecordingRunner()).ConfigureAsync(Request(fragment)));

        Assert.IsAssignableFrom<UserErrorException>(error);
        ConfigMismatch mismatch = Assert.Single(error.Mismatches);
        Assert.Equal(ConfigMismatchKind.Absent, mismatch.Kind);
        Assert.Contains("CONFIG_FAKE_NEEDS_MISSING_DEP: wanted y, absent from the final .config", error.Message, StringComparison.Ordinal);
        Assert.Contains("cfg/mtcopy.config:5", error.Message, StringComparison.Ordinal);
        Assert.Contains("enable its dependencies", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_fragment_fails_before_anything_runs()
    {
        var runner = new RecordingRunner();

        var error = await Assert.ThrowsAsync<KconfigSyntaxException>(() =>
            new KernelConfigurator(runner).ConfigureAsync(Request("CONFIG_MIGRATION=y\nCONFIG_HZ = 250\n")));

        Assert.Contains("mtcopy.config:2: ", error.Message, StringComparison.Ordinal);
        Assert.Empty(runner.Specs);
    }

    [Fact]
    public async Task Failing_base_config_reports_the_kconfig_error_and_log()
    {
        var runner = new RecordingRunner(new Dictionary<string, string?> { ["FAKE_FAIL"] = "config" });

        var error = await Assert.ThrowsAsync<KernelBuildException>(() =>
            new KernelConfigurator(runner).ConfigureAsync(Request(Fragment)));

        Assert.Equal("configure", error.Step);
        Assert.Equal(BuildErrorKind.Kconfig, error.Summary!.Kind);
        Assert.Contains("*** Fake Kconfig failure in tinyconfig", error.Message, StringComparison.Ordinal);
        Assert.Contains("Full log: " + Path.Combine(_kernel.LogDir, "configure.log"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failing_merge_is_reported()
    {
        var runner = new RecordingRunner(new Dictionary<string, string?> { ["FAKE_FAIL"] = "merge" });

        var error = await Assert.ThrowsAsync<KernelBuildException>(() =>
            new KernelConfigurator(runner).ConfigureAsync(Request(Fragment)));

        Assert.Contains("merge_config.sh", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist.  Exit.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_base_config_file_is_a_user_error()
    {
        var error = await Assert.ThrowsAsync<UserErrorException>(() => new KernelConfigurator(new RecordingRunner())
            .ConfigureAsync(Request(Fragment, KernelConfigBase.FromFile(_kernel.Root + "/boot/none"))));

        Assert.Contains("/boot/none does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directory_that_is_not_a_kernel_tree_is_rejected()
    {
        using var empty = new TempDirectory();
        var request = Request(Fragment) with { Tree = new KbuildTree(empty.Path, _kernel.BuildDir, "x86_64") };

        await Assert.ThrowsAsync<UserErrorException>(() => new KernelConfigurator(new RecordingRunner()).ConfigureAsync(request));
    }
}
