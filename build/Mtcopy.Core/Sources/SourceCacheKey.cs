using System.Security.Cryptography;
using System.Text;

namespace Mtcopy.Core.Sources;

/// <summary>
/// How a fetched base is identified. <see cref="Value"/> names its cache directory
/// (<c>&lt;cache&gt;/bases/&lt;Value&gt;</c>) and is safe as a file name; <see cref="Description"/>
/// says in words what was fetched and becomes the import commit's message, so it must not
/// contain anything that differs between two fetches of the same input (no paths, no times).
/// </summary>
public sealed record SourceCacheKey
{
    private const int ShortHashLength = 16;
    private const int MaxNameLength = 60;

    private SourceCacheKey(string value, string description)
    {
        Value = value;
        Description = description;
    }

    public string Value { get; }

    public string Description { get; }

    /// <summary>A Debian package: name, exact version and the sha256 of the .deb.</summary>
    public static SourceCacheKey ForDebianPackage(string package, string version, string debSha256)
    {
        RequireSha256(debSha256);
        return new(
            $"deb-{Safe(package)}-{Safe(version)}-{Short(debSha256)}",
            $"Debian package {package} {version} (.deb sha256 {debSha256})");
    }

    /// <summary>A tarball: its file name and the sha256 of its bytes.</summary>
    public static SourceCacheKey ForTarball(string fileName, string sha256)
    {
        RequireSha256(sha256);
        return new(
            $"tarball-{Safe(StripTarballSuffix(fileName))}-{Short(sha256)}",
            $"Tarball {fileName} (sha256 {sha256})");
    }

    /// <summary>
    /// A plain directory: its name and a fingerprint of its listing (relative paths, types,
    /// sizes, modes, modification times, link targets).
    /// </summary>
    public static SourceCacheKey ForDirectory(string directoryName, string fingerprintSha256)
    {
        RequireSha256(fingerprintSha256);
        return new(
            $"dir-{Safe(directoryName)}-{Short(fingerprintSha256)}",
            $"Directory {directoryName} (listing fingerprint sha256 {fingerprintSha256})");
    }

    /// <summary>A git remote and ref, keyed by url and ref (a moving branch is not re-fetched).</summary>
    public static SourceCacheKey ForGitRemote(string url, string gitRef)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(gitRef);
        string urlName = url.TrimEnd('/');
        urlName = urlName[(urlName.LastIndexOfAny(['/', ':']) + 1)..];
        if (urlName.EndsWith(".git", StringComparison.Ordinal))
        {
            urlName = urlName[..^4];
        }

        string hash = Sha256Hex(url + "\n" + gitRef);
        return new($"git-{Safe(urlName)}-{Safe(gitRef)}-{Short(hash)}", $"Git {url} at {gitRef}");
    }

    /// <summary>An existing git repository: identified by its commit id alone; nothing is cached.</summary>
    public static SourceCacheKey ForGitCommit(string commitId)
    {
        ArgumentNullException.ThrowIfNull(commitId);
        return new($"commit-{Safe(commitId)}", $"Git commit {commitId}");
    }

    public override string ToString() => Value;

    /// <summary>Lower-case hex sha256 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string Sha256Hex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static string StripTarballSuffix(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        string? suffix = KernelSourceSpec.TarballSuffixes.FirstOrDefault(s => fileName.EndsWith(s, StringComparison.OrdinalIgnoreCase));
        return suffix is null ? fileName : fileName[..^suffix.Length];
    }

    private static string Short(string sha256) => sha256[..ShortHashLength];

    private static void RequireSha256(string sha256)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException($"Not a lower-case hex sha256: '{sha256}'.", nameof(sha256));
        }
    }

    /// <summary>Keeps characters that are harmless in a directory name; the rest become '_'.</summary>
    private static string Safe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(Math.Min(text.Length, MaxNameLength));
        foreach (char c in text.AsSpan(0, Math.Min(text.Length, MaxNameLength)))
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '~' or '-' ? c : '_');
        }

        string safe = builder.ToString().TrimStart('.');
        return safe.Length == 0 ? "_" : safe;
    }
}
