using Mtcopy.Core.Bench;

namespace Mtcopy.Core.Tests.Bench;

public sealed class BenchCliCommandsTests
{
    private static readonly Dictionary<string, string> Options = new(StringComparer.Ordinal)
    {
        ["out"] = "/elsewhere", ["run-id"] = "20250101T000000000Z", ["jobs"] = "2", ["cache"] = "/c",
        ["configs"] = "smoke,debug", ["continue"] = "true", ["abort"] = "true", ["target"] = "Bench",
    };

    [Fact]
    public void Only_the_options_that_shape_the_build_pass_through_sorted() =>
        Assert.Equal(["--cache=/c", "--configs=smoke,debug", "--jobs=2"], BenchCliCommands.PassThrough(Options));

    [Fact]
    public void A_stage_runs_through_the_launcher_in_the_repository()
    {
        BenchCommand command = BenchCliCommands.Stage(["/usr/bin/dotnet", "/repo/mtcopy.dll"], "build", "/out/bench/pipeline", "bench-pipeline",
            BenchCliCommands.PassThrough(Options), "/repo");

        Assert.Equal("/usr/bin/dotnet", command.Program);
        Assert.Equal(["/repo/mtcopy.dll", "build", "--out=/out/bench/pipeline", "--run-id=bench-pipeline", "--cache=/c", "--configs=smoke,debug", "--jobs=2"],
            command.Arguments);
        Assert.Equal("/repo", command.WorkingDirectory);
        Assert.Equal(["build", "--out=/o", "--run-id=r"], BenchCliCommands.Stage(["/repo/mtcopy"], "build", "/o", "r", [], "/repo").Arguments);
        Assert.Throws<ArgumentException>(() => BenchCliCommands.Stage([], "build", "/o", "r", [], "/repo"));
    }

    [Fact]
    public void The_rerun_is_build_sh_on_the_same_output_directory()
    {
        BenchCommand command = BenchCliCommands.BuildScript("/repo", "/repo/artifacts", ["--jobs=2"]);

        Assert.Equal("/repo/build.sh --out=/repo/artifacts --jobs=2", command.CommandLine);
        Assert.Equal("/repo", command.WorkingDirectory);
    }

    [Fact]
    public void The_rerun_runs_the_default_target_not_the_bench_that_asked_for_it()
    {
        // Cake hands every stage --target=<the target>; passed on, the re-run would be Bench again, recursively.
        BenchCommand command = BenchCliCommands.BuildScript("/repo", "/repo/artifacts", BenchCliCommands.PassThrough(Options));

        Assert.Equal("/repo/build.sh --out=/repo/artifacts --cache=/c --configs=smoke,debug --jobs=2", command.CommandLine);
        Assert.DoesNotContain(command.Arguments, a => a.StartsWith("--target", StringComparison.Ordinal));
    }
}
