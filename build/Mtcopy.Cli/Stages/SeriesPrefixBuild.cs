using Mtcopy.Adapters.Git;
using Mtcopy.Adapters.Kernel;
using Mtcopy.Core.Checks;
using Mtcopy.Core.Kernel;

namespace Mtcopy.Cli.Stages;

/// <summary>
/// CheckSeries' builds: every prefix of the series, checked out in our worktree and built in the configured build
/// directory, then W=1 on the objects the prefix touched; at the end the series head again, configured and built with
/// the Build stage's identity, so the build directory holds what Build made. Logs in &lt;logs&gt;/checkseries.
/// </summary>
internal sealed class SeriesPrefixBuild(StageContext context, AppliedSeries applied, ConfigureState configured)
{
    private readonly GitCli git = new();

    private readonly ConfigVariant config = context.ConfigVariants()[0];

    private readonly KbuildTree tree = context.KernelBuild.Tree(applied.Worktree, configured.Variants[0].BuildDir, configured.Variants[0].Arch);

    // The Build stage's identity: the head build at the end must give back the same vmlinux.
    private readonly KbuildPinnedEnvironment pinned = BuildIdentity.For(configured.SourceDateEpoch);

    private readonly string logDir = Path.Combine(context.Layout.LogDir, "checkseries");

    /// <summary>Builds each prefix, adding what fails to <paramref name="problems"/> and what passed to <paramref name="notes"/>; the number of prefixes.</summary>
    public async Task<int> RunAsync(List<string> problems, List<string> notes, CancellationToken cancellationToken)
    {
        string[] commits = Lines(await git.RunCheckedAsync(applied.Worktree, ["rev-list", "--reverse", $"{applied.BaseCommit}..{applied.ResultCommit}"],
            cancellationToken: cancellationToken).ConfigureAwait(false));
        Directory.CreateDirectory(logDir);
        try
        {
            for (int k = 0; k < commits.Length; k++)
            {
                await PrefixAsync(k + 1, commits.Length, commits[k], problems, notes, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await HeadAsync().ConfigureAwait(false);
        }

        return commits.Length;
    }

    private async Task PrefixAsync(int number, int count, string commit, List<string> problems, List<string> notes, CancellationToken cancellationToken)
    {
        string label = $"prefix {number}/{count}";
        await git.RunCheckedAsync(applied.Worktree, ["checkout", "-q", "--detach", commit], cancellationToken: cancellationToken).ConfigureAwait(false);
        // A prefix may lack options the fragment names: configure without the verifier.
        await context.KernelBuild.ConfigureAsync(tree, config, Log($"prefix-{number}-config.log"), verifyFragment: false, cancellationToken).ConfigureAwait(false);
        string buildLog = Log($"prefix-{number}-build.log");
        try
        {
            await context.Console.WithProgressAsync($"{label}: make", line =>
                context.KernelBuild.BuildAsync(tree, pinned, buildLog, line, cancellationToken)).ConfigureAwait(false);
        }
        catch (KernelBuildException e)
        {
            problems.Add($"{label} ({commit[..12]}) does not build: {e.Summary?.Render() ?? "see " + buildLog}");
            return;
        }

        string[] touched = Lines(await git.RunCheckedAsync(applied.Worktree, ["diff", "--name-only", applied.BaseCommit, commit],
            cancellationToken: cancellationToken).ConfigureAwait(false));
        IReadOnlyList<string> targets = await ObjectTargetsAsync(touched, cancellationToken).ConfigureAwait(false);
        string w1Log = Log($"prefix-{number}-W1.log");
        await context.KernelBuild.BuildTargetsAsync(tree with { ExtraVariables = [.. tree.ExtraVariables, "W=1"] }, targets, pinned, w1Log, cancellationToken)
            .ConfigureAwait(false);
        var warnings = TouchedObjects.WarningsIn(await File.ReadAllLinesAsync(w1Log, cancellationToken).ConfigureAwait(false), touched);
        notes.Add($"{label}: builds; W=1 on {string.Join(" ", targets)}: {warnings.Count} warnings");
        problems.AddRange(warnings.Select(w => $"{label}: W=1: {w}"));
    }

    /// <summary>The make targets of the objects built from the touched files (directories new in the series whole), their .c files touched so make rebuilds them.</summary>
    private async Task<IReadOnlyList<string>> ObjectTargetsAsync(string[] touched, CancellationToken cancellationToken)
    {
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

        foreach (string c in touched.Where(p => p.EndsWith(".c", StringComparison.Ordinal)))
        {
            File.SetLastWriteTimeUtc(Path.Combine(applied.Worktree, c), DateTime.UtcNow);
        }

        return TouchedObjects.MakeTargets(touched, newDirs.Contains);
    }

    /// <summary>Our worktree back at the series head, configured and built as Build left it.</summary>
    private async Task HeadAsync()
    {
        await git.RunCheckedAsync(applied.Worktree, ["checkout", "-q", applied.Branch], cancellationToken: CancellationToken.None).ConfigureAwait(false);
        await context.KernelBuild.ConfigureAsync(tree, config, Log("head-config.log"), verifyFragment: false, CancellationToken.None).ConfigureAwait(false);
        await context.Console.WithProgressAsync("series head: make", line =>
            context.KernelBuild.BuildAsync(tree, pinned, Log("head-build.log"), line, CancellationToken.None)).ConfigureAwait(false);
    }

    private string Log(string fileName) => Path.Combine(logDir, fileName);

    private static string[] Lines(GitResult result) => result.StdoutText.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
