using Mtcopy.Cli.Stages;
using Mtcopy.Cli.Tests.Fixtures;
using Mtcopy.Core;

namespace Mtcopy.Cli.Tests;

/// <summary>Clean deletes only an output directory the pipeline made (the marker), never the repository, home or a stranger's directory.</summary>
public sealed class OutputDirectoryTests : IDisposable
{
    private readonly StageHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Clean_deletes_an_output_directory_the_pipeline_made()
    {
        StageContext context = harness.Context("clean", ["--out=artifacts"]);
        File.WriteAllText(Path.Combine(context.Layout.OutDir, "metadata.json"), "{}");

        StageOutcome outcome = await new CleanStage().RunAsync(context, CancellationToken.None);

        Assert.False(Directory.Exists(context.Layout.OutDir));
        Assert.StartsWith("removed ", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clean_refuses_the_repository_itself_and_deletes_nothing()
    {
        StageContext context = harness.Context("clean", ["--out=."]);

        var e = await Assert.ThrowsAsync<UserErrorException>(() => new CleanStage().RunAsync(context, CancellationToken.None));

        Assert.Contains($"is or holds {harness.RepoRoot}", e.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(harness.RepoRoot, "Tooling.sln")));
    }

    [Fact]
    public async Task Clean_refuses_a_directory_without_the_marker_and_says_why()
    {
        string stranger = Directory.CreateDirectory(Path.Combine(harness.Root, "home-like")).FullName;
        File.WriteAllText(Path.Combine(stranger, "precious.txt"), "keep me");
        StageContext context = harness.Context("clean", ["--out=" + stranger]);

        var e = await Assert.ThrowsAsync<UserErrorException>(() => new CleanStage().RunAsync(context, CancellationToken.None));

        Assert.Contains($"has no {OutputDirectory.MarkerFileName} marker, so mtcopy did not make it", e.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(stranger, "precious.txt")));
        Assert.False(OutputDirectory.IsMarked(stranger));
    }

    [Fact]
    public void A_marker_in_an_ancestor_of_the_repository_does_not_make_it_deletable()
    {
        File.WriteAllText(Path.Combine(harness.Root, OutputDirectory.MarkerFileName), "");

        var e = Assert.Throws<UserErrorException>(() => OutputDirectory.RequireDeletable(harness.Root, harness.RepoRoot));

        Assert.Contains($"is or holds {harness.RepoRoot}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_directory_given_as_out_becomes_ours_but_a_full_one_does_not()
    {
        string empty = Directory.CreateDirectory(Path.Combine(harness.Root, "empty")).FullName;
        string full = Directory.CreateDirectory(Path.Combine(harness.Root, "full")).FullName;
        File.WriteAllText(Path.Combine(full, "a"), "");

        OutputDirectory.Prepare(empty);
        OutputDirectory.Prepare(full);

        Assert.True(OutputDirectory.IsMarked(empty));
        Assert.False(OutputDirectory.IsMarked(full));
    }
}
