namespace Mtcopy.Core.Bench;

/// <summary>The command lines that run the pipeline itself for the bench: one CLI stage, or the whole ./build.sh.</summary>
public static class BenchCliCommands
{
    // Options that say where, which run and which target, not what to build: the bench sets them itself. The target
    // above all: the bench's own is Bench, and a re-run that passed it on would run the bench again, without end.
    private static readonly HashSet<string> NotPassed = new(StringComparer.Ordinal) { "out", "run-id", "continue", "abort", "target" };

    /// <summary>The options of the bench's own command line that shape the build, as <c>--name=value</c>, sorted.</summary>
    public static IReadOnlyList<string> PassThrough(IReadOnlyDictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. options
            .Where(o => !NotPassed.Contains(o.Key))
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => $"--{o.Key}={o.Value}")];
    }

    /// <summary>
    /// <c>&lt;launcher&gt; &lt;stage&gt; --out=&lt;out&gt; --run-id=&lt;id&gt; [options]</c>, run in the repository; the
    /// launcher is the CLI's program and its first arguments, e.g. <c>dotnet mtcopy.dll</c>.
    /// </summary>
    public static BenchCommand Stage(IReadOnlyList<string> launcher, string stage, string outDir, string runId, IReadOnlyList<string> passThrough, string repoRoot)
    {
        ArgumentNullException.ThrowIfNull(launcher);
        ArgumentException.ThrowIfNullOrWhiteSpace(stage);
        ArgumentNullException.ThrowIfNull(passThrough);
        if (launcher.Count == 0)
        {
            throw new ArgumentException("The launcher needs at least a program.", nameof(launcher));
        }

        return BenchCommand.Of(launcher[0], [.. launcher.Skip(1), stage, "--out=" + outDir, "--run-id=" + runId, .. passThrough], repoRoot);
    }

    /// <summary><c>&lt;repo&gt;/build.sh --out=&lt;out&gt; [options]</c>: the default target, as a person runs it.</summary>
    public static BenchCommand BuildScript(string repoRoot, string outDir, IReadOnlyList<string> passThrough)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repoRoot);
        ArgumentNullException.ThrowIfNull(passThrough);
        return BenchCommand.Of(Path.Combine(repoRoot, "build.sh"), ["--out=" + outDir, .. passThrough], repoRoot);
    }
}
