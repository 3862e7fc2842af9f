using System.Globalization;
using System.Text;

namespace Mtcopy.Core.Smoke;

/// <summary>
/// Writes a cpio archive in the "newc" format the kernel unpacks an initramfs from: for each
/// entry a 110-byte ASCII header ("070701" and thirteen 8-hex-digit fields), the NUL-terminated
/// name padded to a multiple of 4, the data padded to a multiple of 4; then a "TRAILER!!!" entry.
/// <para>
/// The output depends only on the entries and the given mtime: entries are sorted by path
/// (ordinal, so a directory precedes its contents), uid and gid are 0, inode numbers are 1, 2, 3...
/// in that order. Every parent directory must be an entry itself.
/// </para>
/// </summary>
public static class CpioWriter
{
    public const string Magic = "070701";
    public const string TrailerName = "TRAILER!!!";

    private const int TypeDirectory = 0x4000;
    private const int TypeFile = 0x8000;
    private const int TypeSymlink = 0xA000;
    private const int TypeCharDevice = 0x2000;

    public static void Write(Stream output, IEnumerable<CpioEntry> entries, DateTimeOffset mtime)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(entries);
        long seconds = mtime.ToUnixTimeSeconds();
        if (seconds is < 0 or > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(mtime), mtime, "The cpio mtime must fit in 32 bits after 1970.");
        }

        List<CpioEntry> sorted = Validate(entries);
        uint inode = 1;
        foreach (CpioEntry entry in sorted)
        {
            WriteEntry(output, entry, inode++, (uint)seconds);
        }

        WriteRecord(output, TrailerName, new Header { NLink = 1 }, ReadOnlySpan<byte>.Empty);
    }

    /// <summary>The cpio mode field: file type bits and permission bits.</summary>
    public static int Mode(CpioEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        int type = entry.Kind switch
        {
            CpioEntryKind.Directory => TypeDirectory,
            CpioEntryKind.File => TypeFile,
            CpioEntryKind.Symlink => TypeSymlink,
            CpioEntryKind.CharDevice => TypeCharDevice,
            _ => throw new ArgumentOutOfRangeException(nameof(entry), entry.Kind, "Unknown cpio entry kind."),
        };
        return type | entry.Permissions;
    }

    /// <summary>Drops a leading '/'; rejects empty, '.', '..' and empty path segments.</summary>
    public static string NormalizePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string relative = path.StartsWith('/') ? path[1..] : path;
        string[] segments = relative.Split('/');
        if (relative.Length == 0 || segments.Any(s => s.Length == 0 || s == "." || s == ".." || s.Contains('\0', StringComparison.Ordinal)))
        {
            throw new ArgumentException($"'{path}' is not a valid archive path: use a/b/c without empty, '.' or '..' parts.", nameof(path));
        }

        return relative;
    }

    private static List<CpioEntry> Validate(IEnumerable<CpioEntry> entries)
    {
        var sorted = entries
            .Select(e => e with { Path = NormalizePath(e.Path) })
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ToList();
        var directories = new HashSet<string>(StringComparer.Ordinal);
        string? previous = null;
        foreach (CpioEntry entry in sorted)
        {
            if (string.Equals(entry.Path, previous, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The archive has two entries for '{entry.Path}'.", nameof(entries));
            }

            previous = entry.Path;
            if ((entry.Permissions & ~0xFFF) != 0)
            {
                throw new ArgumentException($"'{entry.Path}': permissions {Convert.ToString(entry.Permissions, 8)} (octal) are more than 07777.", nameof(entries));
            }

            if (entry.Kind is CpioEntryKind.Directory or CpioEntryKind.CharDevice && !entry.Data.IsEmpty)
            {
                throw new ArgumentException($"'{entry.Path}': a {entry.Kind} entry has no data.", nameof(entries));
            }

            if (entry.Kind == CpioEntryKind.Symlink && entry.Data.IsEmpty)
            {
                throw new ArgumentException($"'{entry.Path}': a symlink needs a target.", nameof(entries));
            }

            int slash = entry.Path.LastIndexOf('/');
            if (slash > 0 && !directories.Contains(entry.Path[..slash]))
            {
                throw new ArgumentException($"'{entry.Path}' needs a directory entry for '{entry.Path[..slash]}'.", nameof(entries));
            }

            if (entry.Kind == CpioEntryKind.Directory)
            {
                directories.Add(entry.Path);
            }
        }

        return sorted;
    }

    private static void WriteEntry(Stream output, CpioEntry entry, uint inode, uint mtime)
    {
        var header = new Header
        {
            Inode = inode,
            Mode = (uint)Mode(entry),
            NLink = entry.Kind == CpioEntryKind.Directory ? 2u : 1u,
            MTime = mtime,
            RDevMajor = checked((uint)entry.DeviceMajor),
            RDevMinor = checked((uint)entry.DeviceMinor),
        };
        WriteRecord(output, entry.Path, header, entry.Data.Span);
    }

    private static void WriteRecord(Stream output, string name, Header header, ReadOnlySpan<byte> data)
    {
        byte[] nameBytes = Encoding.UTF8.GetBytes(name);
        var text = new StringBuilder(110);
        text.Append(Magic);
        foreach (uint field in new[]
        {
            header.Inode, header.Mode, 0u, 0u, header.NLink, header.MTime, checked((uint)data.Length),
            0u, 0u, header.RDevMajor, header.RDevMinor, (uint)nameBytes.Length + 1, 0u,
        })
        {
            text.Append(field.ToString("x8", CultureInfo.InvariantCulture));
        }

        output.Write(Encoding.ASCII.GetBytes(text.ToString()));
        output.Write(nameBytes);
        WriteZeros(output, 1 + Padding(110 + nameBytes.Length + 1));
        output.Write(data);
        WriteZeros(output, Padding(data.Length));
    }

    private static int Padding(int length) => (4 - (length % 4)) % 4;

    private static void WriteZeros(Stream output, int count)
    {
        Span<byte> zeros = stackalloc byte[8];
        zeros.Clear();
        output.Write(zeros[..count]);
    }

    private readonly record struct Header(uint Inode, uint Mode, uint NLink, uint MTime, uint RDevMajor, uint RDevMinor);
}
