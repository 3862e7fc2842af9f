using System.Globalization;
using Mtcopy.Core.Sources;

namespace Mtcopy.Adapters.Sources;

/// <summary>
/// The Fetch stage's cache: downloaded packages in <see cref="DebsDirectory"/>, one git repository
/// per fetched base in <see cref="BasesDirectory"/>/&lt;key&gt;. Entries are built under a
/// temporary name (<c>&lt;key&gt;.tmp-&lt;pid&gt;-&lt;random&gt;</c>), get their marker last and are
/// then renamed into place: no locks, and a crash leaves only a temporary directory that a later
/// run removes.
/// </summary>
public sealed class SourceCache
{
    private const string TemporaryInfix = ".tmp-";

    public SourceCache(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string DebsDirectory => Path.Combine(Root, "debs");

    public string BasesDirectory => Path.Combine(Root, "bases");

    /// <summary><c>$XDG_CACHE_HOME/mtcopy</c>, else <c>~/.cache/mtcopy</c>.</summary>
    public static string DefaultRoot()
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string baseDirectory = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
            : xdg;
        return Path.Combine(baseDirectory, "mtcopy");
    }

    /// <summary>Where the entry of <paramref name="key"/> lives once complete.</summary>
    public string EntryPath(SourceCacheKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Path.Combine(BasesDirectory, key.Value);
    }

    /// <summary>The complete entry of <paramref name="key"/>, or null. An entry without marker is moved away.</summary>
    internal FetchedBase? TryLoad(SourceCacheKey key)
    {
        string path = EntryPath(key);
        if (!Directory.Exists(path))
        {
            return null;
        }

        BaseMarker? marker = BaseMarker.TryRead(path);
        if (marker is not null && string.Equals(marker.CacheKey, key.Value, StringComparison.Ordinal))
        {
            return marker.ToFetchedBase(path, fromCache: true);
        }

        // Not made by a completed import (tampered with or copied by hand): set it aside and rebuild.
        string aside = NewTemporaryPath(key, "broken");
        Directory.Move(path, aside);
        DeleteQuietly(aside);
        return null;
    }

    /// <summary>A fresh temporary path next to the entry of <paramref name="key"/>; nothing is created.</summary>
    internal string NewTemporaryPath(SourceCacheKey key, string purpose)
    {
        ArgumentNullException.ThrowIfNull(key);
        return NewTemporaryPath(BasesDirectory, key.Value, purpose);
    }

    /// <summary>A fresh temporary path for downloading <paramref name="package"/>; nothing is created.</summary>
    internal string NewDownloadPath(string package) => NewTemporaryPath(DebsDirectory, package, "download");

    private static string NewTemporaryPath(string parent, string name, string purpose)
    {
        Directory.CreateDirectory(parent);
        return Path.Combine(
            parent,
            string.Create(CultureInfo.InvariantCulture, $"{name}{TemporaryInfix}{Environment.ProcessId}-{Guid.NewGuid():N}.{purpose}"));
    }

    /// <summary>
    /// Writes the marker into <paramref name="stagingPath"/> and renames it to the entry path. When
    /// another process finished the same key first, its entry wins and ours is deleted.
    /// </summary>
    internal FetchedBase Publish(string stagingPath, FetchedBase imported)
    {
        ArgumentNullException.ThrowIfNull(imported);
        BaseMarker.From(imported).Write(stagingPath);
        string final = Path.Combine(BasesDirectory, imported.CacheKey);
        try
        {
            Directory.Move(stagingPath, final);
        }
        catch (IOException) when (Directory.Exists(final) && BaseMarker.TryRead(final) is not null)
        {
            DeleteQuietly(stagingPath);
            return BaseMarker.TryRead(final)!.ToFetchedBase(final, fromCache: true) with { Warnings = imported.Warnings };
        }

        return imported with { RepoPath = final };
    }

    /// <summary>Removes temporary directories left by processes that no longer run.</summary>
    internal void RemoveAbandonedTemporaries()
    {
        foreach (string parent in new[] { BasesDirectory, DebsDirectory })
        {
            if (!Directory.Exists(parent))
            {
                continue;
            }

            foreach (string path in Directory.EnumerateDirectories(parent))
            {
                string name = Path.GetFileName(path);
                int at = name.IndexOf(TemporaryInfix, StringComparison.Ordinal);
                if (at < 0)
                {
                    continue;
                }

                string rest = name[(at + TemporaryInfix.Length)..];
                int dash = rest.IndexOf('-', StringComparison.Ordinal);
                if (dash > 0 && int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && !IsRunning(pid))
                {
                    DeleteQuietly(path);
                }
            }
        }
    }

    internal static void DeleteQuietly(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for RemoveAbandonedTemporaries of a later run.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    private static bool IsRunning(int pid) => pid == Environment.ProcessId || Directory.Exists($"/proc/{pid}");
}
