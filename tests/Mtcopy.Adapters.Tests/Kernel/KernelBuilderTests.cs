using Mtcopy.Adapters.Kernel;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Core;
using Mtcopy.Core.Kernel;

namespace Mtcopy.Adapters.Tests.Kernel;

public sealed class KernelBuilderTests : IDisposable
{
    private static readonly KbuildPinnedEnvironment Pinned =
        new(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), "mtcopy", "buildhost");

    private readonly FakeKernelTree _kernel = new();

    public KernelBuilderTests()
    {
        Directory.CreateDirectory(_kernel.BuildDir);
        File.WriteAllText(Path.Combine(_kernel.BuildDir, ".config"), "CONFIG_64BIT=y\n");
    }

    public void Dispose() => _kernel.Dispose();

    private KernelBuildRequest Request() => new(_kernel.Tree, _kernel.LogDir) { Jobs = 2, Pinned = Pinned };

    [Fact]
    public async Task Builds_with_pinned_environment_and_reports_release()
    {
        var runner = new RecordingRunner();
        var lines = new List<string>();

        KernelBuildResult result = await new KernelBuilder(runner).BuildAsync(Request(), lines.Add);

        Assert.Equal("6.12.117-fake", result.Release!.Value);
        Assert.Equal(
            "built Thu Jan  2 03:04:05 UTC 2025 by mtcopy@buildhost #1",
            File.ReadAllText(Path.Combine(_kernel.BuildDir, "arch", "x86", "boot", "bzImage")).TrimEnd());
        Assert.Contains("  CC      mm/migrate.o", lines);
        Assert.Equal(Path.Combine(_kernel.LogDir, KernelBuilder.BuildLogFileName), result.LogPath);
        Assert.Contains("Kernel: arch/x86/boot/bzImage is ready", File.ReadAllText(result.LogPath), StringComparison.Ordinal);
        Assert.Equal(
            ["-C", _kernel.SourceDir, "O=" + _kernel.BuildDir, "ARCH=x86_64", "-j2", "bzImage", "modules"],
            Assert.Single(runner.Specs).Arguments);
    }

    [Fact]
    public async Task Compile_error_is_the_message_with_the_log_path()
    {
        var runner = new RecordingRunner(new Dictionary<string, string?> { ["FAKE_FAIL"] = "compile" });

        var error = await Assert.ThrowsAsync<KernelBuildException>(() =>
            new KernelBuilder(runner).BuildAsync(Request() with { Targets = ["bzImage"] }));

        Assert.Equal("build", error.Step);
        Assert.Equal(2, error.ExitCode);
        Assert.Equal(BuildErrorKind.Compiler, error.Summary!.Kind);
        Assert.Contains(
            "mm/migrate.c:1234:9: error: implicit declaration of function 'copy_folio_mt' [-Werror=implicit-function-declaration]",
            error.Message, StringComparison.Ordinal);
        Assert.Contains("mm/migrate.c: In function 'migrate_folio_mt':", error.Message, StringComparison.Ordinal);
        Assert.Contains("Full log: " + Path.Combine(_kernel.LogDir, "build.log"), error.Message, StringComparison.Ordinal);
        Assert.Contains("make: *** [Makefile:", File.ReadAllText(error.LogPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unconfigured_build_dir_is_a_user_error()
    {
        File.Delete(Path.Combine(_kernel.BuildDir, ".config"));

        var error = await Assert.ThrowsAsync<UserErrorException>(() => new KernelBuilder(new RecordingRunner()).BuildAsync(Request()));

        Assert.Contains("configure the kernel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task External_module_is_built_in_a_scratch_copy()
    {
        await new KernelBuilder(new RecordingRunner()).BuildAsync(Request());
        string source = ModuleSource();
        string scratch = _kernel.Root + "/out/module";

        ModuleBuildResult result = await new KernelBuilder(new RecordingRunner()).BuildExternalModuleAsync(
            new ModuleBuildRequest(_kernel.BuildDir, source, _kernel.LogDir) { OutDir = scratch, Arch = "x86_64", Jobs = 1 });

        Assert.Equal(scratch, result.ModuleDir);
        Assert.Equal([scratch + "/mtcopy_test.ko"], result.Modules);
        Assert.True(File.Exists(Path.Combine(scratch, "Kbuild")));
        Assert.False(File.Exists(Path.Combine(scratch, "stale.o")));
        Assert.False(Directory.Exists(Path.Combine(scratch, ".git")));
        Assert.Equal(["Kbuild", "mtcopy_test.c", "stale.o"], Directory.EnumerateFileSystemEntries(source)
            .Where(p => !p.EndsWith(".git", StringComparison.Ordinal))
            .Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("CC [M]", File.ReadAllText(result.LogPath), StringComparison.Ordinal);

        // A second build into the same scratch directory starts from a fresh copy.
        File.WriteAllText(Path.Combine(scratch, "leftover.c"), "x");
        ModuleBuildResult again = await new KernelBuilder(new RecordingRunner()).BuildExternalModuleAsync(
            new ModuleBuildRequest(_kernel.BuildDir, source, _kernel.LogDir) { OutDir = scratch });
        Assert.Equal([scratch + "/mtcopy_test.ko"], again.Modules);
    }

    [Fact]
    public async Task Modpost_error_is_reported()
    {
        await new KernelBuilder(new RecordingRunner()).BuildAsync(Request());
        var runner = new RecordingRunner(new Dictionary<string, string?> { ["FAKE_FAIL"] = "modpost" });

        var error = await Assert.ThrowsAsync<KernelBuildException>(() => new KernelBuilder(runner).BuildExternalModuleAsync(
            new ModuleBuildRequest(_kernel.BuildDir, ModuleSource(), _kernel.LogDir) { OutDir = _kernel.Root + "/out/module" }));

        Assert.Equal(BuildErrorKind.Modpost, error.Summary!.Kind);
        Assert.Contains("ERROR: modpost: \"copy_folio_mt\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("Full log: " + Path.Combine(_kernel.LogDir, "module.log"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_foreign_non_empty_out_dir_and_an_unbuilt_kernel()
    {
        await new KernelBuilder(new RecordingRunner()).BuildAsync(Request());
        string foreign = _kernel.WriteFile("precious/notes.txt", "keep me");
        var builder = new KernelBuilder(new RecordingRunner());

        await Assert.ThrowsAsync<UserErrorException>(() => builder.BuildExternalModuleAsync(
            new ModuleBuildRequest(_kernel.BuildDir, ModuleSource(), _kernel.LogDir) { OutDir = Path.GetDirectoryName(foreign) }));
        Assert.True(File.Exists(foreign));

        File.Delete(Path.Combine(_kernel.BuildDir, "Module.symvers"));
        await Assert.ThrowsAsync<UserErrorException>(() => builder.BuildExternalModuleAsync(
            new ModuleBuildRequest(_kernel.BuildDir, ModuleSource(), _kernel.LogDir)));
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
