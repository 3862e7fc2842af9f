using System.Buffers.Binary;
using System.IO.Compression;

namespace Mtcopy.Core.Report;

/// <summary>
/// Reads the pixels of a non-interlaced 8-bit RGB or RGBA PNG (what Chromium's screenshot writes) to tell
/// whether the image is blank: every pixel the same colour.
/// </summary>
public static class PngPixels
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>The number of distinct colours, up to <paramref name="limit"/>.</summary>
    /// <exception cref="FormatException">Not a PNG of the kind described.</exception>
    public static int DistinctColours(byte[] png, int limit = 16)
    {
        ArgumentNullException.ThrowIfNull(png);
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new FormatException("not a PNG file");
        }

        (int width, int height, int channels, byte[] raw) = Decode(png);
        int stride = width * channels;
        if (raw.Length < height * (stride + 1))
        {
            throw new FormatException("PNG image data is shorter than its size says");
        }

        var previous = new byte[stride];
        var row = new byte[stride];
        var colours = new HashSet<uint>();
        for (int y = 0; y < height && colours.Count < limit; y++)
        {
            int filter = raw[y * (stride + 1)];
            Buffer.BlockCopy(raw, y * (stride + 1) + 1, row, 0, stride);
            Unfilter(filter, row, previous, channels);
            for (int x = 0; x < stride; x += channels)
            {
                colours.Add((uint)(row[x] << 16 | row[x + 1] << 8 | row[x + 2]));
            }

            (previous, row) = (row, previous);
        }

        return colours.Count;
    }

    /// <summary>The size, channels and inflated (still filtered) image data of the PNG's IHDR and IDAT chunks.</summary>
    private static (int Width, int Height, int Channels, byte[] Raw) Decode(byte[] png)
    {
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (int at = 8; at + 12 <= png.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            string type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            ReadOnlySpan<byte> data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                (width, height, channels) = Header(data);
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            at += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        return (width, height, channels, inflated.ToArray());
    }

    private static (int Width, int Height, int Channels) Header(ReadOnlySpan<byte> data)
    {
        (int depth, int colour, int interlace) = (data[8], data[9], data[12]);
        int channels = colour switch { 2 => 3, 6 => 4, _ => 0 };
        if (depth != 8 || channels == 0 || interlace != 0)
        {
            throw new FormatException($"PNG with bit depth {depth}, colour type {colour}, interlace {interlace}: only 8-bit RGB/RGBA, not interlaced, is read");
        }

        return (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]), channels);
    }

    private static void Unfilter(int filter, byte[] row, byte[] previous, int bpp)
    {
        for (int i = 0; i < row.Length; i++)
        {
            int left = i >= bpp ? row[i - bpp] : 0;
            int up = previous[i];
            int upLeft = i >= bpp ? previous[i - bpp] : 0;
            row[i] = (byte)(row[i] + filter switch
            {
                0 => 0,
                1 => left,
                2 => up,
                3 => (left + up) / 2,
                4 => Paeth(left, up, upLeft),
                _ => throw new FormatException($"PNG row filter {filter} is unknown"),
            });
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
