using System.IO.Compression;

namespace Mtcopy.Core.Smoke;

/// <summary>
/// A gzip-compressed newc cpio archive, as the kernel's initramfs loader (CONFIG_RD_GZIP) reads
/// it. <see cref="GZipStream"/> writes a header whose mtime field is 0 and names no file, so the
/// output depends only on the entries and the cpio mtime.
/// </summary>
public static class InitramfsArchive
{
    public static void WriteGzip(Stream output, IEnumerable<CpioEntry> entries, DateTimeOffset mtime, CompressionLevel level = CompressionLevel.Optimal)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var gzip = new GZipStream(output, level, leaveOpen: true);
        CpioWriter.Write(gzip, entries, mtime);
    }
}
