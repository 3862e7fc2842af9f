namespace Mtcopy.Cli;

/// <summary>Where a run keeps things: every path derives from the repository root and the options.</summary>
public sealed record RunLayout
{
    public RunLayout(string repoRoot, CliOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RepoRoot = Path.GetFullPath(repoRoot);
        OutDir = Path.GetFullPath(options.Out, RepoRoot);
        SeriesDir = Path.GetFullPath(options.Series, RepoRoot);
        CacheDir = options.Cache is { } cache
            ? Path.GetFullPath(cache, RepoRoot)
            : Mtcopy.Adapters.Sources.SourceCache.DefaultRoot();
    }

    public string RepoRoot { get; }

    public string OutDir { get; }

    public string SeriesDir { get; }

    public string CacheDir { get; }

    public string StateDir => Path.Combine(OutDir, "state");

    public string LogDir => Path.Combine(OutDir, "logs");

    public string WorkDir => Path.Combine(OutDir, "work");

    /// <summary>Our own worktree of the kernel, on our own branch: the user's tree is never written.</summary>
    public string KernelTree => Path.Combine(WorkDir, "linux");

    public string BuildDir(string config) => Path.Combine(WorkDir, "build-" + config);

    public string LogDirFor(string config) => Path.Combine(LogDir, config);

    public string GuestSourceDir => Path.Combine(RepoRoot, "tests", "guest");

    /// <summary>Finds the repository root: the nearest directory up from <paramref name="start"/> holding Tooling.sln.</summary>
    public static string FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tooling.sln")))
            {
                return dir.FullName;
            }
        }

        throw new Mtcopy.Core.UserErrorException($"Run mtcopy inside its repository: no Tooling.sln in {start} or above.");
    }
}
