using Mtcopy.Adapters.Process;

namespace Mtcopy.Adapters.Sources;

/// <summary>
/// Pure builders of the processes the Fetch stage runs; tests assert on them without starting
/// anything. Paths are expected to be absolute. Every one captures its output, runs with
/// LC_ALL=C (messages are parsed) and without inherited GIT_DIR-style variables that would point
/// git at another repository; a non-zero exit throws <see cref="ProcessFailedException"/> unless
/// the caller asks otherwise.
/// </summary>
internal static class SourceCommands
{
    private const string Git = "git";

    private static readonly string[] ClearedVariables =
        ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR", "GIT_ALTERNATE_OBJECT_DIRECTORIES"];

    public static ProcessSpec AptGetDownload(string aptArgument, string directory) => AptGetDownload(aptArgument, directory, []);

    /// <summary><paramref name="aptOptions"/>: e.g. an <see cref="IsolatedAptSuite"/>'s <c>-o</c> options.</summary>
    public static ProcessSpec AptGetDownload(string aptArgument, string directory, IReadOnlyList<string> aptOptions) =>
        Tool("apt-get", [.. aptOptions, "download", "-q", aptArgument]) with { WorkingDirectory = directory };

    public static ProcessSpec AptGetUpdate() => AptGetUpdate([]);

    public static ProcessSpec AptGetUpdate(IReadOnlyList<string> aptOptions) => Tool("apt-get", [.. aptOptions, "update", "-q"]);

    public static ProcessSpec AptCachePolicy(string package) => AptCachePolicy(package, []);

    public static ProcessSpec AptCachePolicy(string package, IReadOnlyList<string> aptOptions) => Tool("apt-cache", [.. aptOptions, "policy", package]);

    public static ProcessSpec DpkgDebExtract(string debPath, string directory) => Tool("dpkg-deb", ["-x", debPath, directory]);

    /// <summary>GNU tar detects the compression itself when reading a file.</summary>
    public static ProcessSpec TarExtract(string archivePath, string directory) =>
        Tool("tar", ["-x", "-f", archivePath, "-C", directory, "--no-same-owner"]);

    /// <summary>Copies the contents of <paramref name="source"/> into the existing <paramref name="destination"/>.</summary>
    public static ProcessSpec CopyTree(string source, string destination) =>
        Tool("cp", ["-a", "--", Path.Combine(source, "."), destination]);

    public static ProcessSpec GitInitImport(string directory) =>
        Tool(Git, ["init", "-q", "--initial-branch=" + ImportIdentity.Branch, directory], ImportIdentity.Environment);

    public static ProcessSpec GitAddEverything(string directory) =>
        Tool(Git, ["-C", directory, "add", "--all", "--force"], ImportIdentity.Environment);

    public static ProcessSpec GitCommitImport(string directory, string message) =>
        Tool(Git, ["-C", directory, "commit", "-q", "--no-verify", "--no-gpg-sign", "-m", message], ImportIdentity.Environment);

    /// <summary>Prints the full commit id <paramref name="revision"/> names.</summary>
    public static ProcessSpec GitResolveCommit(string repository, string revision) =>
        Tool(Git, ["--no-optional-locks", "-C", repository, "rev-parse", "--verify", "--end-of-options", revision + "^{commit}"]);

    /// <summary>Prints the full id of the tree of <paramref name="commitId"/>.</summary>
    public static ProcessSpec GitTreeOf(string repository, string commitId) =>
        Tool(Git, ["--no-optional-locks", "-C", repository, "rev-parse", "--verify", "--end-of-options", commitId + "^{tree}"]);

    /// <summary>Prints is-bare, is-inside-work-tree, the prefix and the absolute git dir, one a line.</summary>
    public static ProcessSpec GitDescribeLocation(string directory) =>
        Tool(Git, ["--no-optional-locks", "-C", directory, "rev-parse", "--is-bare-repository", "--is-inside-work-tree", "--absolute-git-dir", "--show-prefix"]);

    /// <summary>Tracked files with uncommitted changes; takes no lock and writes no index refresh.</summary>
    public static ProcessSpec GitTrackedChanges(string repository) =>
        Tool(Git, ["--no-optional-locks", "-C", repository, "status", "--porcelain", "--untracked-files=no"]);

    public static ProcessSpec GitShowFile(string repository, string commitId, string path) =>
        Tool(Git, ["--no-optional-locks", "-C", repository, "cat-file", "blob", commitId + ":" + path]);

    public static ProcessSpec GitInitClone(string directory) =>
        Tool(Git, ["init", "-q", "--initial-branch=" + ImportIdentity.Branch, directory]);

    public static ProcessSpec GitFetchShallow(string repository, string url, string gitRef) =>
        Tool(Git, ["-C", repository, "fetch", "-q", "--depth", "1", "--no-tags", "--", url, gitRef]);

    public static ProcessSpec GitCheckoutFetched(string repository) =>
        Tool(Git, ["-C", repository, "reset", "-q", "--hard", "FETCH_HEAD^{commit}"]);

    private static ProcessSpec Tool(string program, IReadOnlyList<string> arguments) => Tool(program, arguments, new Dictionary<string, string?>());

    private static ProcessSpec Tool(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal) { ["LC_ALL"] = "C" };
        foreach (string name in ClearedVariables)
        {
            variables[name] = null;
        }

        foreach (KeyValuePair<string, string?> pair in environment)
        {
            variables[pair.Key] = pair.Value;
        }

        return new ProcessSpec(program, arguments) { Environment = variables, CaptureOutput = true };
    }
}
