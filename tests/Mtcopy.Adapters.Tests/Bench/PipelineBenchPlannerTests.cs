using Mtcopy.Adapters.Bench;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Core.Bench;
using Mtcopy.Core.Results;
using Mtcopy.Core;

namespace Mtcopy.Adapters.Tests.Bench;

public sealed class PipelineBenchPlannerTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly PipelineBenchInputs _inputs;

    public PipelineBenchPlannerTests()
    {
        Write("linux/mm/migrate.c", "int migrate;\n");
        Write("out/state/fetch.json", "{\"fetch\": 1}\n");
        Write("out/state/apply.json", "{\"apply\": 1}\n");
        Write("out/work/build-smoke/.config", "CONFIG_MTCOPY_CPU=m\n");
        Write("out/work/build-smoke/mm/migrate.o", "object");
        Write("kmod-src/Kbuild", "obj-m += mtcopy.o\n");
        Write("kmod-src/mtcopy.c", "int x;\n");
        Write("kmod-src/mtcopy.o", "stale object");
        Write("kmod-src/.git/HEAD", "ref\n");
        Write("kmod-src/sub/part.c", "int y;\n");
        string scratch = _dir.Combine("out", "bench", "pipeline");
        _inputs = new PipelineBenchInputs(
            _dir.Combine("repo"), _dir.Combine("out", "state"), _dir.Combine("linux"), scratch, Path.Combine(scratch, "state"),
            ["/usr/bin/dotnet", "/repo/mtcopy.dll"], ["--jobs=2"],
            [new PipelineBenchVariant("smoke", "x86_64", "tinyconfig", null, _dir.Combine("out", "work", "build-smoke"),
                Path.Combine(scratch, "work", "build-smoke"), Path.Combine(scratch, "smoke", "smoke"), TimeSpan.FromSeconds(120))],
            [new ModuleSource("mtcopy", _dir.Combine("kmod-src"))])
        {
            Jobs = 2,
            KbuildVariables = ["LOCALVERSION="],
            SourceDateEpoch = 1_700_000_000,
            GuestSourceDir = _dir.Combine("repo", "tests", "guest"),
            ScratchPackagingDir = Path.Combine(scratch, "work", "packaging"),
            ScratchPackagesDir = Path.Combine(scratch, "packages"),
        };
    }

    public void Dispose() => _dir.Dispose();

    private string Write(string relative, string content)
    {
        string path = _dir.Combine(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private string Scratch(params string[] parts) => Path.Combine([_inputs.ScratchOut, .. parts]);

    [Fact]
    public void Prepare_links_each_build_directory_and_copies_the_state_the_stages_read()
    {
        Write("out/bench/pipeline/work/build-smoke/left-over", "from an older bench");

        PipelineBenchPlanner.Prepare(_inputs);

        var link = new DirectoryInfo(Scratch("work", "build-smoke"));
        Assert.Equal(_dir.Combine("out", "work", "build-smoke"), link.LinkTarget);
        Assert.Equal("object", File.ReadAllText(Scratch("work", "build-smoke", "mm", "migrate.o")));
        Assert.False(File.Exists(Scratch("work", "build-smoke", "left-over")));
        Assert.Equal("{\"apply\": 1}\n", File.ReadAllText(Scratch("state", "apply.json")));
        Assert.True(File.Exists(Scratch("state", "fetch.json")));

        PipelineBenchPlanner.Unlink(_inputs);

        Assert.False(Directory.Exists(Scratch("work", "build-smoke")));
        Assert.True(File.Exists(_dir.Combine("out", "work", "build-smoke", "mm", "migrate.o")));
    }

    [Fact]
    public void Prepare_refuses_a_tree_without_the_file_to_touch()
    {
        var e = Assert.Throws<UserErrorException>(() => PipelineBenchPlanner.Prepare(_inputs with { TouchedFile = "mm/gone.c" }));

        Assert.Contains("mm/gone.c does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pipeline_side_is_one_cli_stage_per_step()
    {
        OverheadPlan plan = PipelineBenchPlanner.Plan(_inputs);

        Assert.Equal(["configure", "build", "smoke", "package"], plan.Steps.Select(s => s.Name));
        Assert.Equal(2, plan.Repetitions);
        BenchCommand build = Assert.Single(plan.Steps[1].Pipeline);
        Assert.Equal("/usr/bin/dotnet /repo/mtcopy.dll build --out=" + _inputs.ScratchOut + " --run-id=bench-pipeline --jobs=2", build.CommandLine);
        Assert.Equal(_dir.Combine("repo"), build.WorkingDirectory);
        Assert.Contains("mm/migrate.c touched", plan.Scenario, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bare_side_works_on_the_scratch_copies()
    {
        OverheadPlan plan = PipelineBenchPlanner.Plan(_inputs);

        IReadOnlyList<BenchCommand> configure = plan.Steps[0].Bare();
        IReadOnlyList<BenchCommand> build = plan.Steps[1].Bare();
        IReadOnlyList<BenchCommand> smoke = plan.Steps[2].Bare();

        Assert.Equal($"make -C {_dir.Combine("linux")} O={Scratch("work", "build-smoke")} ARCH=x86_64 LOCALVERSION= tinyconfig", configure[0].CommandLine);
        Assert.Equal(Scratch("work", "build-smoke", "mtcopy-fragment.config"), configure[1].Arguments[^1]);
        Assert.Equal($"make -C {Scratch("work", "build-smoke")} M={Scratch("bare", "module-mtcopy-smoke")} ARCH=x86_64 -j2 modules", build[1].CommandLine);
        Assert.Equal(Scratch("bare", "smoke", "mtcopy-test"), smoke[0].Arguments[4]);
        Assert.Contains("-initrd", smoke[1].Arguments);
        Assert.Contains(Scratch("smoke", "smoke", "initramfs.cpio.gz"), smoke[1].Arguments);
        Assert.Contains(Scratch("work", "build-smoke", "arch", "x86", "boot", "bzImage"), smoke[1].Arguments);
    }

    [Fact]
    public void The_bare_package_step_finds_what_the_package_stage_left()
    {
        OverheadPlan plan = PipelineBenchPlanner.Plan(_inputs);
        Assert.Throws<UserErrorException>(() => plan.Steps[3].Bare());

        Write("out/bench/pipeline/packages/mtcopy-dkms_0.1.0_all.deb", "deb");
        Write("out/bench/pipeline/packages/dkms-mtcopy-0.1.0-1.noarch.rpm", "rpm");
        Write("out/bench/pipeline/work/packaging/rpm/SPECS/dkms-mtcopy.spec", "Name: x\n");
        IReadOnlyList<BenchCommand> package = plan.Steps[3].Bare();

        Assert.Equal(["dpkg-deb", "rpmbuild", "lintian", "rpmlint"], package.Select(c => c.Program));
        Assert.Equal(Scratch("work", "packaging", "deb", "root"), package[0].Arguments[^2]);
        Assert.Equal(Scratch("bare", "packages", "mtcopy-dkms_0.1.0_all.deb"), package[0].Arguments[^1]);
        Assert.Equal(Scratch("work", "packaging", "rpm", "SPECS", "dkms-mtcopy.spec"), package[1].Arguments[^1]);
        Assert.Equal(Scratch("work", "packaging", "rpm", "RPMS", "noarch", "dkms-mtcopy-0.1.0-1.noarch.rpm"), package[3].Arguments[^1]);
    }

    [Fact]
    public void Before_the_pipeline_side_the_source_is_touched_and_earlier_results_forgotten()
    {
        string source = _dir.Combine("linux", "mm", "migrate.c");
        File.SetLastWriteTimeUtc(source, DateTime.UtcNow.AddHours(-1));
        Write("out/bench/pipeline/state/stamps/build-smoke.json", "{}");
        Write("out/bench/pipeline/metadata.json", "{}");

        PipelineBenchPlanner.Plan(_inputs).BeforePipeline(1);

        Assert.True(File.GetLastWriteTimeUtc(source) > DateTime.UtcNow.AddMinutes(-1));
        Assert.False(Directory.Exists(Scratch("state", "stamps")));
        Assert.False(File.Exists(Scratch("metadata.json")));
    }

    [Fact]
    public void Before_the_bare_side_the_module_source_is_copied_fresh_without_build_products()
    {
        string source = _dir.Combine("linux", "mm", "migrate.c");
        File.SetLastWriteTimeUtc(source, DateTime.UtcNow.AddHours(-1));
        Write("out/bench/pipeline/bare/module-mtcopy-smoke/mtcopy.ko", "old build");

        PipelineBenchPlanner.Plan(_inputs).BeforeBare(1);

        Assert.True(File.GetLastWriteTimeUtc(source) > DateTime.UtcNow.AddMinutes(-1));
        string module = Scratch("bare", "module-mtcopy-smoke");
        Assert.Equal(["Kbuild", "mtcopy.c", "sub/part.c"],
            Directory.GetFiles(module, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(module, f)).Order(StringComparer.Ordinal));
        Assert.True(Directory.Exists(Scratch("bare", "smoke")));
    }

    [Fact]
    public void The_check_names_stages_that_did_not_run()
    {
        OverheadPlan plan = PipelineBenchPlanner.Plan(_inputs);
        Assert.Contains("wrote no", Assert.Single(plan.CheckPipeline(1)), StringComparison.Ordinal);

        var metadata = new RunMetadata
        {
            ToolVersion = "0.1.0",
            StartedUtc = DateTimeOffset.UnixEpoch,
            Command = [],
            Stages =
            [
                new StageResult("configure", StageStatus.Pass, 9, "configured"), StageResult.Skipped("build", "up to date"),
                new StageResult("smoke", StageStatus.Pass, 20, "pass"),
            ],
        };
        Write("out/bench/pipeline/metadata.json", RunMetadataJson.Serialize(metadata));

        Assert.Equal(
        [
            "repetition 2: the build stage reported SKIP, not PASS (up to date): its time is not comparable",
            "repetition 2: the package stage left no result",
        ], plan.CheckPipeline(2));
    }
}
