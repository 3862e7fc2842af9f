using Mtcopy.Adapters.Git;
using Mtcopy.Core.Patching;
using Mtcopy.Core.Results;
using Mtcopy.Core.Series;
using Mtcopy.Core.Sources;

namespace Mtcopy.Cli.Stages;

/// <summary>
/// Apply: the series, patch by patch, into a branch and worktree of our own (offset, then three-way,
/// fuzz only when asked); each patch committed with its own author, date and message.
/// --continue resumes after the user fixed a stop; --abort removes everything Apply made.
/// </summary>
public sealed class ApplyStage : IStage
{
    public const string StateName = "apply";

    public string Name => StateName;

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fetched = StateFile.Read<FetchedBase>(context.Layout.StateDir, FetchStage.StateName);
        SeriesSource series = context.Series;
        string seriesName = series.Manifest?.Series.Name ?? "series";
        // The base repository may be shared (the source cache): one branch per output directory.
        string branch = $"mtcopy/{seriesName}-{ContentHash.Sha256(context.Layout.OutDir)[..8]}";
        var spec = new WorkspaceSpec(fetched.RepoPath, fetched.CommitId, branch, context.Layout.KernelTree);
        var request = new ApplyRequest(spec, ApplyOptions.Default with { Fuzz = context.Options.Fuzz });
        var applier = new SeriesApplier(context.Git);

        if (context.Options.Abort)
        {
            await applier.AbortAsync(request, cancellationToken).ConfigureAwait(false);
            StateFile.Delete(context.Layout.StateDir, StateName);
            context.Stamps.Invalidate(StateName);
            return StageOutcome.Pass($"aborted: removed {spec.WorktreePath} and branch {spec.BranchName}");
        }

        IReadOnlyList<PatchMail> mails = SeriesPatchLoader.Load(series, new DiskSeriesDirectory(context.Layout.SeriesDir), DateTimeOffset.UnixEpoch);
        var inputs = mails.Select(m => m.ToPatchInput()).ToList();
        long epoch = mails.Max(m => m.Date).ToUnixTimeSeconds();
        var keyInputs = new Dictionary<string, string>
        {
            ["base"] = fetched.CommitId,
            ["series"] = SeriesFingerprint.Compute(inputs),
            ["fuzz"] = context.Options.Fuzz.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        string key = StageFingerprint.Compute(StateName, keyInputs);

        if (!context.Options.Continue && await UpToDateAsync(context, key, cancellationToken).ConfigureAwait(false) is { } previous)
        {
            return StageOutcome.Skip($"series unchanged, {spec.BranchName} at {previous.ResultCommit[..12]} in {previous.Worktree}");
        }

        context.Stamps.Invalidate(StateName);
        SeriesResult result = context.Options.Continue
            ? await applier.ContinueAsync(request, inputs, cancellationToken).ConfigureAwait(false)
            : await applier.ApplyAsync(request, inputs, cancellationToken).ConfigureAwait(false);

        var outcomes = RecordOutcomes(context, fetched, result, keyInputs["series"]);
        await WriteReportAsync(context, fetched, spec, result, cancellationToken).ConfigureAwait(false);

        var applied = new AppliedSeries(spec.WorktreePath, spec.BranchName, result.BaseCommit, result.HeadCommit, result.TreeId, epoch,
            seriesName, series.Manifest?.Series.Version ?? "0", outcomes);
        StateFile.Write(context.Layout.StateDir, StateName, applied);
        context.Stamps.Record(StateName, key, keyInputs, []);
        string verdicts = string.Join(", ", result.Report.Patches.Select(PatchVerdict.Of).GroupBy(v => v).Select(g => $"{g.Count()} {g.Key}"));
        return StageOutcome.Pass($"{inputs.Count} patches ({verdicts}); {spec.BranchName} at {result.HeadCommit[..12]}, tree {result.TreeId[..12]}")
            with { Details = new Dictionary<string, string> { ["result_commit"] = result.HeadCommit, ["result_tree"] = result.TreeId, ["worktree"] = spec.WorktreePath } };
    }

    /// <summary>Each patch's outcome, recorded in metadata.json with the inputs that made it.</summary>
    private static List<PatchRecord> RecordOutcomes(StageContext context, FetchedBase fetched, SeriesResult result, string seriesFingerprint)
    {
        var outcomes = result.Report.Patches
            .Select(p => new PatchRecord(p.Name, p.Outcome == PatchOutcome.Applied, PatchVerdict.Of(p), p.CommitId, null))
            .ToList();
        context.Metadata.Update(m => m with
        {
            Apply = new ApplyResult(result.BaseCommit, result.Succeeded ? result.HeadCommit : null, result.Succeeded ? result.TreeId : null, outcomes),
            Inputs = new Dictionary<string, string>(m.Inputs)
            {
                ["kernel"] = context.Options.Kernel,
                ["base_commit"] = fetched.CommitId,
                ["series"] = seriesFingerprint,
            },
        });
        return outcomes;
    }

    /// <summary>Writes apply-report.txt and the conflict records; a stopped series fails the stage with what to do next.</summary>
    private static async Task WriteReportAsync(StageContext context, FetchedBase fetched, WorkspaceSpec spec, SeriesResult result, CancellationToken cancellationToken)
    {
        string report = ReportRenderer.Render(result.Report);
        string reportPath = Path.Combine(context.Layout.OutDir, "apply-report.txt");
        await File.WriteAllTextAsync(reportPath, report, cancellationToken).ConfigureAwait(false);
        Mtcopy.Adapters.Results.ApplyReportRecorder.Write(context.Layout.OutDir, spec.WorktreePath, result.Report);
        if (result.Succeeded)
        {
            return;
        }

        context.Console.Plain(report);
        string variant = context.Series.Manifest?.FindBase(context.Options.Kernel) is { Series: { } dir }
            ? $" The series keeps a variant for {context.Options.Kernel}: ./build.sh --kernel={context.Options.Kernel} --series={Path.Combine(context.Layout.SeriesDir, dir)}."
            : "";
        throw new StageFailedException(
            $"the series does not apply onto {fetched.Description} (report: {reportPath}). " +
            $"Fix the files in {spec.WorktreePath} ('git add -f' them), then run {context.Options.Rerun("Apply", "continue")}; "
            + $"or {context.Options.Rerun("Apply", "abort")} to remove everything Apply made." + variant);
    }

    /// <summary>The previous result, if the inputs are the same and our worktree still sits clean at its commit.</summary>
    private static async Task<AppliedSeries?> UpToDateAsync(StageContext context, string key, CancellationToken cancellationToken)
    {
        if (!context.Stamps.Check(StateName, key).Skip || !File.Exists(Path.Combine(context.Layout.StateDir, StateName + ".json")))
        {
            return null;
        }

        var previous = StateFile.Read<AppliedSeries>(context.Layout.StateDir, StateName);
        // A state from before Apply recorded each patch's outcome: apply again, so CheckSeries has them.
        if (previous.Patches is null || !Directory.Exists(previous.Worktree))
        {
            return null;
        }

        var git = context.Git;
        GitResult head = await git.RunAsync(previous.Worktree, ["rev-parse", "HEAD"], cancellationToken: cancellationToken).ConfigureAwait(false);
        GitResult status = await git.RunAsync(previous.Worktree, ["status", "--porcelain", "--untracked-files=no"], cancellationToken: cancellationToken).ConfigureAwait(false);
        bool same = head.ExitCode == 0 && status.ExitCode == 0
            && string.Equals(head.FirstLine, previous.ResultCommit, StringComparison.Ordinal)
            && status.Stdout.Length == 0;
        return same ? previous : null;
    }
}
