using Mtcopy.Adapters.Kernel;
using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Results;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Core;
using Mtcopy.Core.Kernel;

namespace Mtcopy.Adapters.Tests.Kernel;

/// <summary>
/// The kernel-build step on the fake kernel: configure (start config, merge, olddefconfig, the verification), build
/// (the pinned identity, the first error of a failure), external modules (scratch copies), all with the same make variables.
/// </summary>
public sealed class KernelBuildTests : IDisposable
{
    private const string Fragment = """
        # mtcopy test fragment
        CONFIG_MIGRATION=y
        CONFIG_HZ=250
        # CONFIG_DEBUG_INFO is not set
        """;

    private static readonly string[] Compiler = ["CC=ccache gcc", "HOSTCC=ccache gcc"];

    private static readonly KbuildPinnedEnvironment Pinned =
        new(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), "mtcopy", "buildhost");

    private readonly FakeKernelTree _kernel = new();

    public void Dispose() => _kernel.Dispose();

    private string ConfigureLog => Path.Combine(_kernel.LogDir, KernelBuild.ConfigureLogFileName);

    private string BuildLog => Path.Combine(_kernel.LogDir, KernelBuild.BuildLogFileName);

    /// <summary>A variant of one fragment file (cfg/mtcopy.config) on tinyconfig, or on <paramref name="baseConfigFile"/>.</summary>
    private ConfigVariant Variant(string fragmentText, string? baseConfigFile = null) =>
        new("smoke", "x86_64", baseConfigFile is null ? "tinyconfig" : null, baseConfigFile, [_kernel.WriteFile("cfg/mtcopy.config", fragmentText)]);

    private Task<KernelConfigResult> ConfigureAsync(IProcessRunner runner, ConfigVariant variant, KbuildTree? tree = null) =>
        new KernelBuild(runner, [], 2).ConfigureAsync(tree ?? _kernel.Tree, variant, ConfigureLog, verifyFragment: true, CancellationToken.None);

    /// <summary>The fake kernel configured and built (bzImage modules), for the build and module tests.</summary>
    private async Task BuildKernelAsync()
    {
        Directory.CreateDirectory(_kernel.BuildDir);
        File.WriteAllText(Path.Combine(_kernel.BuildDir, ".config"), "CONFIG_64BIT=y\n");
        await new KernelBuild(new RecordingRunner(), [], 1).BuildAsync(_kernel.Tree, Pinned, BuildLog, null, CancellationToken.None);
    }

    private Task<IReadOnlyList<string>> BuildModuleAsync(IProcessRunner runner, string scratch) =>
        new KernelBuild(runner, [], 1).BuildModuleAsync(_kernel.Tree, ModuleSource(), scratch, Pinned, Path.Combine(_kernel.LogDir, KernelBuild.ModuleLogFileName),
            null, CancellationToken.None);

    [Fact]
    public async Task Configure_build_and_module_build_pass_the_same_make_variables()
    {
        var runner = new RecordingRunner();
        var step = new KernelBuild(runner, Compiler, 3);
        string fragment = _kernel.WriteFile("smoke.config", "CONFIG_NUMA=y\n");
        var variant = new ConfigVariant("smoke", "x86_64", "tinyconfig", null, [fragment]);
        string module = _kernel.WriteFile("kmod/mtcopy.c", "int mtcopy;\n");
        _kernel.WriteFile("kmod/Kbuild", "obj-m := mtcopy.o\n");
        KbuildTree tree = step.Tree(_kernel.SourceDir, _kernel.BuildDir, "x86_64");
        string artifacts = Path.Combine(_kernel.Root, "artifacts");

        await step.ConfigureAsync(tree, variant, ConfigureLog, verifyFragment: true, CancellationToken.None);
        await step.BuildAsync(tree, Pinned, BuildLog, null, CancellationToken.None);
        IReadOnlyList<string> kos = await step.BuildModulesAsync(tree,
            [new ModuleToBuild("mtcopy", Path.GetDirectoryName(module)!, Path.Combine(_kernel.Root, "scratch"))], Pinned, _kernel.LogDir, artifacts, CancellationToken.None);

        Assert.Equal(["LOCALVERSION=", .. Compiler], step.MakeVariables);
        var makes = runner.Specs.Where(s => s.Program == "make").ToList();
        Assert.Equal(4, makes.Count); // tinyconfig, olddefconfig, bzImage modules, the module
        Assert.All(makes, m => Assert.Equal(step.MakeVariables, m.Arguments.Where(a => step.MakeVariables.Contains(a))));
        Assert.Contains("-j3", makes[2].Arguments);
        Assert.Contains("-j3", makes[3].Arguments);
        Assert.Contains("M=" + Path.Combine(_kernel.Root, "scratch"), makes[3].Arguments);
        Assert.Equal([Path.Combine(artifacts, "mtcopy.ko")], kos);
        Assert.Equal("CONFIG_NUMA=y", File.ReadAllLines(Path.Combine(_kernel.BuildDir, KernelBuild.FragmentFileName))[1]);
        Assert.True(File.Exists(ConfigureLog));
        Assert.True(File.Exists(Path.Combine(_kernel.LogDir, KernelBuild.ModuleLogFileName)));
    }

    [Fact]
    public async Task Tinyconfig_then_merge_then_olddefconfig_in_the_build_dir()
    {
        var runner = new RecordingRunner();

        KernelConfigResult result = await ConfigureAsync(runner, Variant(Fragment));

        Assert.Equal(Path.Combine(_kernel.BuildDir, ".config"), result.ConfigPath);
        Assert.Equal(FileHash.Sha256(result.ConfigPath), result.Sha256);
        Assert.Equal(
            ["tinyconfig ARCH=x86_64", $"merge ARCH=x86_64 cwd={_kernel.BuildDir}", "olddefconfig ARCH=x86_64"],
            _kernel.Calls());
        KconfigFile final = KconfigFile.Parse(File.ReadAllText(result.ConfigPath), result.ConfigPath);
        Assert.Equal("250", final.ValueOf("CONFIG_HZ")!.Text);
        Assert.Equal(["make", "sh", "make"], runner.Specs.Select(s => s.Program));
        string log = File.ReadAllText(result.LogPath);
        Assert.Contains("Merging " + Path.Combine(_kernel.BuildDir, KernelBuild.FragmentFileName), log, StringComparison.Ordinal);
        Assert.Contains("# configuration written to .config", log, StringComparison.Ordinal);
        Assert.Equal(ConfigureLog, result.LogPath);
        Assert.False(File.Exists(Path.Combine(_kernel.SourceDir, ".config")));
    }

    [Fact]
    public async Task Full_config_file_is_copied_instead_of_running_a_target()
    {
        string bootConfig = _kernel.WriteFile("boot/config-6.12.0-1-amd64", "CONFIG_64BIT=y\nCONFIG_MODULES=y\nCONFIG_HZ=1000\n");

        KernelConfigResult result = await ConfigureAsync(new RecordingRunner(), Variant(Fragment, bootConfig));

        Assert.DoesNotContain(_kernel.Calls(), c => c.StartsWith("tinyconfig", StringComparison.Ordinal));
        string config = File.ReadAllText(result.ConfigPath);
        Assert.Contains("CONFIG_MODULES=y", config, StringComparison.Ordinal);
        Assert.Equal("CONFIG_HZ=1000", File.ReadLines(bootConfig).Last());
    }

    [Fact]
    public async Task Dropped_option_is_named_with_fragment_line_and_a_hint()
    {
        string fragment = Fragment + "\nCONFIG_FAKE_NEEDS_MISSING_DEP=y\n";

        var error = await Assert.ThrowsAsync<ConfigVerificationException>(() => ConfigureAsync(new RecordingRunner(), Variant(fragment)));

        Assert.IsAssignableFrom<UserErrorException>(error);
        ConfigMismatch mismatch = Assert.Single(error.Mismatches);
        Assert.Equal(ConfigMismatchKind.Absent, mismatch.Kind);
        Assert.Contains("CONFIG_FAKE_NEEDS_MISSING_DEP: wanted y, absent from the final .config", error.Message, StringComparison.Ordinal);
        // Line 6 of the combined fragment: "# from mtcopy.config", then the file's five lines.
        Assert.Contains(KernelBuild.FragmentFileName + ":6", error.Message, StringComparison.Ordinal);
        Assert.Contains("enable its dependencies", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unverified_configure_accepts_a_dropped_option_and_a_verified_one_refuses_it()
    {
        var step = new KernelBuild(new RecordingRunner(), [], 1);
        ConfigVariant variant = Variant("CONFIG_FAKE_NEEDS_MISSING_DEP=y\n");
        string prefixLog = Path.Combine(_kernel.LogDir, "prefix-1-config.log");

        await step.ConfigureAsync(_kernel.Tree, variant, prefixLog, verifyFragment: false, CancellationToken.None);

        Assert.True(File.Exists(prefixLog));
        await Assert.ThrowsAsync<ConfigVerificationException>(() =>
            step.ConfigureAsync(_kernel.Tree, variant, ConfigureLog, verifyFragment: true, CancellationToken.None));
    }

    [Fact]
    public async Task Invalid_fragment_fails_before_anything_runs()
    {
        var runner = new RecordingRunner();

        var error = await Assert.ThrowsAsync<KconfigSyntaxException>(() => ConfigureAsync(runner, Variant("CONFIG_MIGRATION=y\nCONFIG_HZ = 250\n")));

        Assert.Contains(KernelBuild.FragmentFileName + ":3: ", error.Message, StringComparison.Ordinal);
        Assert.Empty(runner.Specs);
    }

    [Fact]
    public async Task Failing_base_config_reports_the_kconfig_error_and_log()
    {
        var runner = new RecordingRunner(new Dictionary<string, string?> { ["FAKE_FAIL"] = "config" });

        var error = await Assert.ThrowsAsync<KernelBuildException>(() => ConfigureAsync(runner, Variant(Fragment)));

        Assert.Equal("configure", error.Step);
        Assert.Equal(BuildErrorKind.Kconfig, error.Summary!.Kind);
        Assert.Contains("*** Fake Kconfig failure in tinyconfig", error.Message, StringComparison.Ordinal);
        Assert.Contains("Full log: " + ConfigureLog, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failing_merge_is_reported()
    {
        var runner = new RecordingRunner(new Dictionary<string, string?> { ["FAKE_FAIL"] = "merge" });

        var error = await Assert.ThrowsAsync<KernelBuildException>(() => ConfigureAsync(runner, Variant(Fragment)));

        Assert.Contains("merge_config.sh", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist.  Exit.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_base_config_file_is_a_user_error()
    {
        var error = await Assert.ThrowsAsync<UserErrorException>(() =>
            ConfigureAsync(new RecordingRunner(), Variant(Fragment, _kernel.Root + "/boot/none")));

        Assert.Contains("/boot/none does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directory_that_is_not_a_kernel_tree_is_rejected()
    {
        using var empty = new TempDirectory();

        await Assert.ThrowsAsync<UserErrorException>(() =>
            ConfigureAsync(new RecordingRunner(), Variant(Fragment), new KbuildTree(empty.Path, _kernel.BuildDir, "x86_64")));
    }

    [Fact]
    public async Task Builds_with_pinned_environment_and_reports_release()
    {
        Directory.CreateDirectory(_kernel.BuildDir);
        File.WriteAllText(Path.Combine(_kernel.BuildDir, ".config"), "CONFIG_64BIT=y\n");
        var runner = new RecordingRunner();
        var lines = new List<string>();

        KernelBuildResult result = await new KernelBuild(runner, [], 2).BuildAsync(_kernel.Tree, Pinned, BuildLog, lines.Add, CancellationToken.None);

        Assert.Equal("6.12.117-fake", result.Release!.Value);
        Assert.Equal(
            "built Thu Jan  2 03:04:05 UTC 2025 by mtcopy@buildhost #1",
            File.ReadAllText(Path.Combine(_kernel.BuildDir, "arch", "x86", "boot", "bzImage")).TrimEnd());
        Assert.Contains("  CC      mm/migrate.o", lines);
        Assert.Equal(BuildLog, result.LogPath);
        Assert.Contains("Kernel: arch/x86/boot/bzImage is ready", File.ReadAllText(result.LogPath), StringComparison.Ordinal);
        Assert.Equal(
            ["-C", _kernel.SourceDir, "O=" + _kernel.BuildDir, "ARCH=x86_64", "-j2", "bzImage", "modules"],
            Assert.Single(runner.Specs).Arguments);
    }

    [Fact]
    public async Task Compile_error_is_the_message_with_the_log_path()
    {
        Directory.CreateDirectory(_kernel.BuildDir);
        File.WriteAllText(Path.Combine(_kernel.BuildDir, ".config"), "CONFIG_64BIT=y\n");
        var runner = new RecordingRunner(new Dictionary<string, string?> { ["FAKE_FAIL"] = "compile" });

        var error = await Assert.ThrowsAsync<KernelBuildException>(() =>
            new KernelBuild(runner, [], 2).BuildTargetsAsync(_kernel.Tree, ["bzImage"], Pinned, BuildLog, CancellationToken.None));

        Assert.Equal("build", error.Step);
        Assert.Equal(2, error.ExitCode);
        Assert.Equal(BuildErrorKind.Compiler, error.Summary!.Kind);
        Assert.Contains(
            "mm/migrate.c:1234:9: error: implicit declaration of function 'copy_folio_mt' [-Werror=implicit-function-declaration]",
            error.Message, StringComparison.Ordinal);
        Assert.Contains("mm/migrate.c: In function 'migrate_folio_mt':", error.Message, StringComparison.Ordinal);
        Assert.Contains("Full log: " + BuildLog, error.Message, StringComparison.Ordinal);
        Assert.Contains("make: *** [Makefile:", File.ReadAllText(error.LogPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unconfigured_build_dir_is_a_user_error()
    {
        var error = await Assert.ThrowsAsync<UserErrorException>(() =>
            new KernelBuild(new RecordingRunner(), [], 1).BuildAsync(_kernel.Tree, Pinned, BuildLog, null, CancellationToken.None));

        Assert.Contains("configure the kernel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task External_module_is_built_in_a_scratch_copy()
    {
        await BuildKernelAsync();
        string scratch = _kernel.Root + "/out/module";

        IReadOnlyList<string> modules = await BuildModuleAsync(new RecordingRunner(), scratch);

        Assert.Equal([scratch + "/mtcopy_test.ko"], modules);
        Assert.True(File.Exists(Path.Combine(scratch, "Kbuild")));
        Assert.False(File.Exists(Path.Combine(scratch, "stale.o")));
        Assert.False(Directory.Exists(Path.Combine(scratch, ".git")));
        Assert.Equal(["Kbuild", "mtcopy_test.c", "stale.o"], Directory.EnumerateFileSystemEntries(ModuleSource())
            .Where(p => !p.EndsWith(".git", StringComparison.Ordinal))
            .Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("CC [M]", File.ReadAllText(Path.Combine(_kernel.LogDir, KernelBuild.ModuleLogFileName)), StringComparison.Ordinal);

        // A second build into the same scratch directory starts from a fresh copy.
        File.WriteAllText(Path.Combine(scratch, "leftover.c"), "x");
        IReadOnlyList<string> again = await BuildModuleAsync(new RecordingRunner(), scratch);
        Assert.Equal([scratch + "/mtcopy_test.ko"], again);
    }

    [Fact]
    public async Task Modpost_error_is_reported()
    {
        await BuildKernelAsync();
        var runner = new RecordingRunner(new Dictionary<string, string?> { ["FAKE_FAIL"] = "modpost" });

        var error = await Assert.ThrowsAsync<KernelBuildException>(() => BuildModuleAsync(runner, _kernel.Root + "/out/module"));

        Assert.Equal(BuildErrorKind.Modpost, error.Summary!.Kind);
        Assert.Contains("ERROR: modpost: \"copy_folio_mt\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("Full log: " + Path.Combine(_kernel.LogDir, "module.log"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_foreign_non_empty_out_dir_and_an_unbuilt_kernel()
    {
        await BuildKernelAsync();
        string foreign = _kernel.WriteFile("precious/notes.txt", "keep me");

        await Assert.ThrowsAsync<UserErrorException>(() => BuildModuleAsync(new RecordingRunner(), Path.GetDirectoryName(foreign)!));
        Assert.True(File.Exists(foreign));

        File.Delete(Path.Combine(_kernel.BuildDir, "Module.symvers"));
        await Assert.ThrowsAsync<UserErrorException>(() => BuildModuleAsync(new RecordingRunner(), _kernel.Root + "/out/module"));
    }

    [Fact]
    public async Task A_module_that_leaves_no_ko_of_its_name_is_a_user_error()
    {
        await BuildKernelAsync();

        var error = await Assert.ThrowsAsync<UserErrorException>(() => new KernelBuild(new RecordingRunner(), [], 1).BuildModulesAsync(_kernel.Tree,
            [new ModuleToBuild("mtcopy", ModuleSource(), _kernel.Root + "/scratch")], Pinned, _kernel.LogDir, _kernel.Root + "/artifacts", CancellationToken.None));

        Assert.Contains("left no mtcopy.ko", error.Message, StringComparison.Ordinal);
    }

    private string ModuleSource()
    {
        string dir = Path.Combine(_kernel.Root, "src", "mtcopy-test");
        _kernel.WriteFile("src/mtcopy-test/Kbuild", "obj-m += mtcopy_test.o\n");
        _kernel.WriteFile("src/mtcopy-test/mtcopy_test.c", "// test module\n");
        _kernel.WriteFile("src/mtcopy-test/stale.o", "old build product\n");
        _kernel.WriteFile("src/mtcopy-test/.git/HEAD", "ref: refs/heads/main\n");
        return dir;
    }
}
