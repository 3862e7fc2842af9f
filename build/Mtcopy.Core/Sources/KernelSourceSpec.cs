using System.Text.RegularExpressions;
using Mtcopy.Core;

namespace Mtcopy.Core.Sources;

/// <summary>
/// Where the kernel base comes from, as given by <c>--kernel=</c>: one of
/// <see cref="DebianPackageSource"/>, <see cref="LocalPathSource"/>, <see cref="TarballSource"/>
/// or <see cref="GitRemoteSource"/>.
/// </summary>
public abstract partial record KernelSourceSpec
{
    public const string DebianPrefix = "debian:";
    public const string GitPrefix = "git:";

    /// <summary>File name endings accepted as tarballs (compared ignoring case).</summary>
    public static IReadOnlyList<string> TarballSuffixes { get; } = [".tar.xz", ".tar.gz", ".tgz", ".tar"];

    public const string AcceptedForms =
        "Accepted forms of --kernel=:\n" +
        "  debian:<major>.<minor>     the Debian linux-source package of that series, e.g. debian:6.12\n" +
        "  <directory>                an existing kernel tree: a git repository (its HEAD is used) or a plain directory\n" +
        "  <file>.tar.xz|.tar.gz|.tgz|.tar   a kernel source tarball\n" +
        "  git:<url>@<ref>            a git remote and a branch, tag or commit id, e.g.\n" +
        "                             git:https://git.kernel.org/pub/scm/linux/kernel/git/stable/linux.git@v6.12.1\n" +
        "                             (the ref is after the last '@', so git:git@host:repo.git@main works)";

    private protected KernelSourceSpec() { }

    /// <summary>The canonical <c>--kernel=</c> value that selects this source again.</summary>
    public abstract string ToArgument();

    /// <summary>Parses <paramref name="argument"/>, checking the file system for paths.</summary>
    public static KernelSourceSpec Parse(string argument) => Parse(argument, Directory.Exists, File.Exists);

    /// <summary>
    /// Parses <paramref name="argument"/>; <paramref name="directoryExists"/> and
    /// <paramref name="fileExists"/> answer for paths so this stays testable without a disk.
    /// </summary>
    public static KernelSourceSpec Parse(string argument, Func<string, bool> directoryExists, Func<string, bool> fileExists)
    {
        ArgumentNullException.ThrowIfNull(directoryExists);
        ArgumentNullException.ThrowIfNull(fileExists);

        if (string.IsNullOrWhiteSpace(argument))
        {
            throw Error("--kernel= is empty.");
        }

        if (argument.StartsWith(DebianPrefix, StringComparison.Ordinal))
        {
            return ParseDebian(argument);
        }

        if (argument.StartsWith(GitPrefix, StringComparison.Ordinal))
        {
            return ParseGit(argument);
        }

        if (directoryExists(argument))
        {
            return new LocalPathSource(argument);
        }

        if (HasTarballSuffix(argument))
        {
            return fileExists(argument)
                ? new TarballSource(argument)
                : throw Error($"--kernel={argument}: no such tarball.");
        }

        if (fileExists(argument))
        {
            throw Error($"--kernel={argument}: this file is not a supported tarball (expected one of {string.Join(", ", TarballSuffixes)}).");
        }

        if (argument.Contains("://", StringComparison.Ordinal))
        {
            throw Error($"--kernel={argument}: looks like a URL; a git remote needs the form git:<url>@<ref>.");
        }

        throw Error($"--kernel={argument}: no such directory, and not a recognised form.");
    }

    public static bool HasTarballSuffix(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return TarballSuffixes.Any(s => path.EndsWith(s, StringComparison.OrdinalIgnoreCase) && path.Length > s.Length);
    }

    private static DebianPackageSource ParseDebian(string argument)
    {
        string series = argument[DebianPrefix.Length..];
        return SeriesPattern().IsMatch(series)
            ? new DebianPackageSource(series)
            : throw Error($"--kernel={argument}: the Debian series must be <major>.<minor>, e.g. debian:6.12.");
    }

    private static GitRemoteSource ParseGit(string argument)
    {
        string rest = argument[GitPrefix.Length..];
        int at = rest.LastIndexOf('@');
        if (at < 0)
        {
            throw Error($"--kernel={argument}: a git remote needs a ref after '@', e.g. git:<url>@v6.12.");
        }

        string url = rest[..at];
        string gitRef = rest[(at + 1)..];
        if (gitRef.Length == 0 || !IsPlausibleRef(gitRef))
        {
            throw Error($"--kernel={argument}: '{gitRef}' is not a usable git ref; add @<branch|tag|commit> at the end, e.g. git:<url>@v6.12.");
        }

        if (url.Length == 0 || url.StartsWith('-') || url.Any(char.IsWhiteSpace))
        {
            throw Error($"--kernel={argument}: '{url}' is not a usable git url.");
        }

        return new GitRemoteSource(url, gitRef);
    }

    /// <summary>The subset of git-check-ref-format rules that catches typos and misplaced '@'.</summary>
    private static bool IsPlausibleRef(string gitRef) =>
        !gitRef.StartsWith('-')
        && !gitRef.StartsWith('/')
        && !gitRef.EndsWith('/')
        && !gitRef.EndsWith('.')
        && !gitRef.EndsWith(".lock", StringComparison.Ordinal)
        && !gitRef.Contains("..", StringComparison.Ordinal)
        && !gitRef.Contains("//", StringComparison.Ordinal)
        && !gitRef.Contains("@{", StringComparison.Ordinal)
        && gitRef.IndexOfAny([':', '~', '^', '?', '*', '[', '\\']) < 0
        && !gitRef.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    private static UserErrorException Error(string problem) => new($"{problem}\n{AcceptedForms}");

    [GeneratedRegex(@"^[1-9][0-9]*\.[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SeriesPattern();
}
