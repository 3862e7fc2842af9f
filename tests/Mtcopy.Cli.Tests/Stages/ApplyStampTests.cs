using Mtcopy.Cli.Stages;
using Mtcopy.Cli.Tests.Fixtures;

namespace Mtcopy.Cli.Tests.Stages;

/// <summary>The Apply stage's stamp (base commit, series, fuzz): nothing changed skips; a change to any one input applies again.</summary>
public sealed class ApplyStampTests : IDisposable
{
    private readonly StagePipeline pipeline = new();

    public void Dispose() => pipeline.Dispose();

    [Fact]
    public async Task Nothing_changed_skips()
    {
        await pipeline.RunOkAsync(new FetchStage());
        Assert.Equal("PASS", await pipeline.RunOkAsync(new ApplyStage()));

        Assert.Equal("SKIP", await pipeline.RunOkAsync(new ApplyStage()));
        Assert.StartsWith("series unchanged", pipeline.Recorded("apply").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("patch content")]
    [InlineData("patch date")]
    [InlineData("base tree")]
    [InlineData("fuzz")]
    public async Task A_changed_input_applies_again(string input)
    {
        if (input == "base tree")
        {
            // A kernel that is a git repository: a new commit there is a new base in the same repository. (A plain
            // directory that changes is imported as another repository, and Apply then refuses the old worktree.)
            Git("init", "-q");
            Git("add", "-A");
            Git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "base 1");
        }

        await pipeline.RunOkAsync(new FetchStage());
        await pipeline.RunOkAsync(new ApplyStage());
        string before = File.ReadAllText(Path.Combine(pipeline.StateDir, "apply.json"));
        string[] options = [];
        switch (input)
        {
            case "patch content":
                pipeline.WritePatch("note v2", StagePipeline.PatchDate);
                break;
            case "patch date":
                pipeline.WritePatch("note v1", StagePipeline.PatchDate.AddDays(1));
                break;
            case "base tree":
                pipeline.Kernel.WriteFile("linux/README", "Fake Linux, next release\n");
                Git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-a", "-m", "base 2");
                await pipeline.RunOkAsync(new FetchStage());
                break;
            default:
                options = ["--fuzz=1"];
                break;
        }

        Assert.Equal("PASS", await pipeline.RunOkAsync(new ApplyStage(), options));
        if (input != "fuzz")
        {
            // A new commit: fuzz changes how the series may apply, not what this one applies to.
            Assert.NotEqual(before, File.ReadAllText(Path.Combine(pipeline.StateDir, "apply.json")));
        }
    }

    private void Git(params string[] args)
    {
        using var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", args) { WorkingDirectory = pipeline.Kernel.SourceDir })!;
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
    }
}
