using System.IO.Compression;

namespace Mtcopy.Core.Packaging;

/// <summary>
/// gzip with a fixed header: no file name, modification time 0, OS byte 3 (Unix) whatever the
/// host, maximum compression (XFL 2, as <c>gzip -9n</c>). Identical input gives identical bytes
/// for a given zlib; lintian accepts it for changelog.gz.
/// </summary>
public static class DeterministicGzip
{
    private const int HeaderLength = 10;
    private const int OsByteOffset = 9;
    private const byte OsUnix = 3;

    public static byte[] Compress(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(data);
        }

        byte[] bytes = output.ToArray();
        if (bytes.Length < HeaderLength || bytes[0] != 0x1f || bytes[1] != 0x8b || bytes[3] != 0)
        {
            throw new InvalidOperationException("GZipStream wrote an unexpected gzip header.");
        }

        // Header: ID1 ID2 CM FLG MTIME(4) XFL OS. FLG 0: no name, no header CRC to fix up.
        bytes[4] = bytes[5] = bytes[6] = bytes[7] = 0;
        bytes[OsByteOffset] = OsUnix;
        return bytes;
    }
}
