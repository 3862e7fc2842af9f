using Mtcopy.Adapters.Git;
using Mtcopy.Adapters.Process;
using Mtcopy.Core.Checks;
using Mtcopy.Core.Kernel;

namespace Mtcopy.Cli.Stages;

/// <summary>
/// CheckSeries: the series' own acceptance checks, on the tree Apply made. Every patch applied
/// clean (no offset, fuzz or three-way: what <c>git am</c> needs); <c>checkpatch.pl --strict</c> reports
/// no error and no warning; every prefix of the series builds with the config, and W=1 adds no warning
/// in the files the series touches. Our worktree is returned to the series head at the end.
/// </summary>
public sealed class CheckSeriesStage : IStage
{
    public string Name => "checkseries";

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var applied = StateFile.Read<AppliedSeries>(context.Layout.StateDir, ApplyStage.StateName);
        var configured = StateFile.Read<ConfigureState>(context.Layout.StateDir, ConfigureStage.StateName);
        ConfiguredVariant variant = configured.Variants[0];
        ConfigVariant config = context.ConfigVariants()[0];
        var problems = new List<string>();
        var notes = new List<string>();

        problems.AddRange(CleanApply.Problems(applied.Patches, context.Series.PatchFiles.Count));

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

        var git = new GitCli();
        string[] commits = (await git.RunCheckedAsync(applied.Worktree, ["rev-list", "--reverse", $"{applied.BaseCommit}..{applied.ResultCommit}"],
            cancellationToken: cancellationToken).ConfigureAwait(false)).StdoutText.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var tree = new KbuildTree(applied.Worktree, variant.BuildDir, variant.Arch) { ExtraVariables = ConfigureStage.MakeVariables() };
        // The Build stage's identity: the head build at the end must give back the same vmlinux.
        KbuildPinnedEnvironment pinned = BuildIdentity.For(configured.SourceDateEpoch);
        string fragment = Path.Combine(variant.BuildDir, "mtcopy-fragment.config");
        string logDir = Path.Combine(context.Layout.LogDir, "checkseries");
        Directory.CreateDirectory(logDir);
        try
        {
            for (int k = 0; k < commits.Length; k++)
            {
                string label = $"prefix {k + 1}/{commits.Length}";
                await git.RunCheckedAsync(applied.Worktree, ["checkout", "-q", "--detach", commits[k]], cancellationToken: cancellationToken).ConfigureAwait(false);
                // A prefix may lack options the fragment names: configure without the verifier.
                foreach (KbuildCommand step in ConfigSteps(tree, config, fragment))
                {
                    await Run(context, step, Path.Combine(logDir, $"prefix-{k + 1}-config.log"), cancellationToken).ConfigureAwait(false);
                }

                string buildLog = Path.Combine(logDir, $"prefix-{k + 1}-build.log");
                ProcessResult build = await context.Console.WithProgressAsync($"{label}: make", line =>
                    Run(context, KbuildCommands.Build(tree, context.Options.Jobs, null, pinned), buildLog, cancellationToken, line, throwOnFailure: false)).ConfigureAwait(false);
                if (build.ExitCode != 0)
                {
                    problems.Add($"{label} ({commits[k][..12]}) does not build: {BuildLogAnalyzer.FindFirstError(await File.ReadAllTextAsync(buildLog, cancellationToken).ConfigureAwait(false))?.Render() ?? "see " + buildLog}");
                    continue;
                }

                string[] touched = (await git.RunCheckedAsync(applied.Worktree, ["diff", "--name-only", applied.BaseCommit, commits[k]],
                    cancellationToken: cancellationToken).ConfigureAwait(false)).StdoutText.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                var newDirs = new HashSet<string>(StringComparer.Ordinal);
                foreach (string dir in touched.Select(p => Path.GetDirectoryName(p) ?? "").Distinct(StringComparer.Ordinal))
                {
                    GitResult inBase = await git.RunAsync(applied.Worktree, ["rev-parse", "--verify", "-q", $"{applied.BaseCommit}:{dir}"],
                        cancellationToken: cancellationToken).ConfigureAwait(false);
                    if (inBase.ExitCode != 0)
                    {
                        newDirs.Add(dir);
                    }
                }

                var targets = TouchedObjects.MakeTargets(touched, newDirs.Contains);
                foreach (string c in touched.Where(p => p.EndsWith(".c", StringComparison.Ordinal)))
                {
                    File.SetLastWriteTimeUtc(Path.Combine(applied.Worktree, c), DateTime.UtcNow);
                }

                string w1Log = Path.Combine(logDir, $"prefix-{k + 1}-W1.log");
                await Run(context, KbuildCommands.Build(tree with { ExtraVariables = [.. tree.ExtraVariables, "W=1"] }, context.Options.Jobs, targets, pinned),
                    w1Log, cancellationToken).ConfigureAwait(false);
                var warnings = TouchedObjects.WarningsIn(await File.ReadAllLinesAsync(w1Log, cancellationToken).ConfigureAwait(false), touched);
                notes.Add($"{label}: builds; W=1 on {string.Join(" ", targets)}: {warnings.Count} warnings");
                problems.AddRange(warnings.Select(w => $"{label}: W=1: {w}"));
            }
        }
        finally
        {
            await git.RunCheckedAsync(applied.Worktree, ["checkout", "-q", applied.Branch], cancellationToken: CancellationToken.None).ConfigureAwait(false);
            foreach (KbuildCommand step in ConfigSteps(tree, config, fragment))
            {
                await Run(context, step, Path.Combine(logDir, "head-config.log"), CancellationToken.None).ConfigureAwait(false);
            }

            await context.Console.WithProgressAsync("series head: make", line =>
                Run(context, KbuildCommands.Build(tree, context.Options.Jobs, null, pinned), Path.Combine(logDir, "head-build.log"), CancellationToken.None, line)).ConfigureAwait(false);
        }

        foreach (string note in notes)
        {
            context.Console.Note(note);
        }

        if (problems.Count > 0)
        {
            throw new StageFailedException("the series fails its checks:\n  " + string.Join("\n  ", problems));
        }

        return StageOutcome.Pass($"{context.Series.PatchFiles.Count} patches apply clean and pass checkpatch --strict; {commits.Length} prefixes build, W=1 clean");
    }

    private static IEnumerable<KbuildCommand> ConfigSteps(KbuildTree tree, ConfigVariant config, string fragment)
    {
        if (config.BaseConfigFile is { } file)
        {
            File.Copy(file, KbuildCommands.ConfigPath(tree), overwrite: true);
        }
        else
        {
            yield return KbuildCommands.BaseConfig(tree, [config.BaseTarget!]);
        }

        yield return KbuildCommands.MergeFragment(tree, fragment);
        yield return KbuildCommands.OldDefconfig(tree);
    }

    private static Task<ProcessResult> Run(StageContext context, KbuildCommand command, string log, CancellationToken cancellationToken,
        Action<string>? onLine = null, bool throwOnFailure = true) =>
        context.Runner.RunAsync(ProcessSpec.From(command) with { LogPath = log, OnLine = onLine, ThrowOnNonZeroExit = throwOnFailure }, cancellationToken);
}
