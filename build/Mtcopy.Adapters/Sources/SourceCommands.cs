namespace Mtcopy.Adapters.Sources;

/// <summary>
/// Pure builders of the command lines the Fetch stage runs; tests assert on them without
/// starting anything. Paths are expected to be absolute.
/// </summary>
internal static class SourceCommands
{
    private const string Git = "git";

    public static ToolCommand AptGetDownload(string aptArgument, string directory) => AptGetDownload(aptArgument, directory, []);

    /// <summary><paramref name="aptOptions"/>: e.g. an <see cref="IsolatedAptSuite"/>'s <c>-o</c> options.</summary>
    public static ToolCommand AptGetDownload(string aptArgument, string directory, IReadOnlyList<string> aptOptions) =>
        new("apt-get", [.. aptOptions, "download", "-q", aptArgument]) { WorkingDirectory = directory };

    public static ToolCommand AptGetUpdate() => AptGetUpdate([]);

    public static ToolCommand AptGetUpdate(IReadOnlyList<string> aptOptions) => new("apt-get", [.. aptOptions, "update", "-q"]);

    public static ToolCommand AptCachePolicy(string package) => AptCachePolicy(package, []);

    public static ToolCommand AptCachePolicy(string package, IReadOnlyList<string> aptOptions) => new("apt-cache", [.. aptOptions, "policy", package]);

    public static ToolCommand DpkgDebExtract(string debPath, string directory) => new("dpkg-deb", ["-x", debPath, directory]);

    /// <summary>GNU tar detects the compression itself when reading a file.</summary>
    public static ToolCommand TarExtract(string archivePath, string directory) =>
        new("tar", ["-x", "-f", archivePath, "-C", directory, "--no-same-owner"]);

    /// <summary>Copies the contents of <paramref name="source"/> into the existing <paramref name="destination"/>.</summary>
    public static ToolCommand CopyTree(string source, string destination) =>
        new("cp", ["-a", "--", Path.Combine(source, "."), destination]);

    public static ToolCommand GitInitImport(string directory) =>
        new(Git, ["init", "-q", "--initial-branch=" + ImportIdentity.Branch, directory]) { Environment = ImportIdentity.Environment };

    public static ToolCommand GitAddEverything(string directory) =>
        new(Git, ["-C", directory, "add", "--all", "--force"]) { Environment = ImportIdentity.Environment };

    public static ToolCommand GitCommitImport(string directory, string message) =>
        new(Git, ["-C", directory, "commit", "-q", "--no-verify", "--no-gpg-sign", "-m", message]) { Environment = ImportIdentity.Environment };

    /// <summary>Prints the full commit id <paramref name="revision"/> names.</summary>
    public static ToolCommand GitResolveCommit(string repository, string revision) =>
        new(Git, ["--no-optional-locks", "-C", repository, "rev-parse", "--verify", "--end-of-options", revision + "^{commit}"]);

    /// <summary>Prints the full id of the tree of <paramref name="commitId"/>.</summary>
    public static ToolCommand GitTreeOf(string repository, string commitId) =>
        new(Git, ["--no-optional-locks", "-C", repository, "rev-parse", "--verify", "--end-of-options", commitId + "^{tree}"]);

    /// <summary>Prints is-bare, is-inside-work-tree, the prefix and the absolute git dir, one a line.</summary>
    public static ToolCommand GitDescribeLocation(string directory) =>
        new(Git, ["--no-optional-locks", "-C", directory, "rev-parse", "--is-bare-repository", "--is-inside-work-tree", "--absolute-git-dir", "--show-prefix"]);

    /// <summary>Tracked files with uncommitted changes; takes no lock and writes no index refresh.</summary>
    public static ToolCommand GitTrackedChanges(string repository) =>
        new(Git, ["--no-optional-locks", "-C", repository, "status", "--porcelain", "--untracked-files=no"]);

    public static ToolCommand GitShowFile(string repository, string commitId, string path) =>
        new(Git, ["--no-optional-locks", "-C", repository, "cat-file", "blob", commitId + ":" + path]);

    public static ToolCommand GitInitClone(string directory) =>
        new(Git, ["init", "-q", "--initial-branch=" + ImportIdentity.Branch, directory]);

    public static ToolCommand GitFetchShallow(string repository, string url, string gitRef) =>
        new(Git, ["-C", repository, "fetch", "-q", "--depth", "1", "--no-tags", "--", url, gitRef]);

    public static ToolCommand GitCheckoutFetched(string repository) =>
        new(Git, ["-C", repository, "reset", "-q", "--hard", "FETCH_HEAD^{commit}"]);
}
