using Mtcopy.Adapters.Process;
using Mtcopy.Core.Checks;

namespace Mtcopy.Cli.Stages;

/// <summary>
/// CheckSeries: the series' own acceptance checks, on the tree Apply made. Every patch applied
/// clean (no offset, fuzz or three-way: what <c>git am</c> needs); <c>checkpatch.pl --strict</c> reports
/// no error and no warning; every prefix of the series builds with the config, and W=1 adds no warning
/// in the files the series touches (<see cref="SeriesPrefixBuild"/>). Our worktree is returned to the series head at the end.
/// </summary>
public sealed class CheckSeriesStage : IStage
{
    public string Name => "checkseries";

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var applied = StateFile.Read<AppliedSeries>(context.Layout.StateDir, ApplyStage.StateName);
        var configured = StateFile.Read<ConfigureState>(context.Layout.StateDir, ConfigureStage.StateName);
        var problems = new List<string>();
        var notes = new List<string>();

        problems.AddRange(CleanApply.Problems(applied.Patches, context.Series.PatchFiles.Count));
        await CheckpatchAsync(context, applied, problems, notes, cancellationToken).ConfigureAwait(false);
        int prefixes = await new SeriesPrefixBuild(context, applied, configured).RunAsync(problems, notes, cancellationToken).ConfigureAwait(false);

        foreach (string note in notes)
        {
            context.Console.Note(note);
        }

        if (problems.Count > 0)
        {
            throw new StageFailedException("the series fails its checks:\n  " + string.Join("\n  ", problems));
        }

        return StageOutcome.Pass($"{context.Series.PatchFiles.Count} patches apply clean and pass checkpatch --strict; {prefixes} prefixes build, W=1 clean");
    }

    /// <summary><c>checkpatch.pl --strict</c> of the applied tree on each patch file.</summary>
    private static async Task CheckpatchAsync(StageContext context, AppliedSeries applied, List<string> problems, List<string> notes,
        CancellationToken cancellationToken)
    {
        foreach (string patch in context.Series.PatchFiles)
        {
            ProcessResult result = await context.Runner.RunAsync(
                new ProcessSpec("perl", [Path.Combine(applied.Worktree, "scripts", "checkpatch.pl"), "--strict", "--no-tree", "--color=never",
                    Path.Combine(context.Layout.SeriesDir, patch)]) { ThrowOnNonZeroExit = false }, cancellationToken).ConfigureAwait(false);
            CheckpatchSummary summary = CheckpatchSummary.Parse(string.Join("\n", result.OutputTail));
            notes.Add($"checkpatch {patch}: {summary.Errors} errors, {summary.Warnings} warnings, {summary.Checks} checks");
            if (!summary.Clean)
            {
                problems.Add($"checkpatch --strict {patch}: {summary.Errors} errors, {summary.Warnings} warnings");
            }
        }
    }
}
