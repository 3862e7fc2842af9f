using System.Globalization;
using System.IO.Compression;

namespace Mtcopy.Core.Patching;

/// <summary>Parses the hunks after "GIT binary patch": "literal N" / "delta N", base85 lines, a blank line.</summary>
internal static class BinaryPatchParser
{
    public const string Marker = "GIT binary patch";

    /// <summary>Reads the forward and optional reverse hunk; the current line is the one after the marker.</summary>
    public static BinaryPatch Read(DiffLines lines)
    {
        var forward = ReadHunk(lines) ?? throw new PatchFormatException($"line {lines.LineNumber}: \"{Marker}\" without a literal or delta hunk", lines.LineNumber);
        var reverse = ReadHunk(lines);
        return new BinaryPatch(forward, reverse);
    }

    private static BinaryHunk? ReadHunk(DiffLines lines)
    {
        if (lines.AtEnd)
        {
            return null;
        }

        var header = lines.CurrentHeader;
        BinaryHunkKind kind;
        string sizeText;
        if (header.StartsWith("literal ", StringComparison.Ordinal))
        {
            kind = BinaryHunkKind.Literal;
            sizeText = header["literal ".Length..];
        }
        else if (header.StartsWith("delta ", StringComparison.Ordinal))
        {
            kind = BinaryHunkKind.Delta;
            sizeText = header["delta ".Length..];
        }
        else
        {
            return null;
        }

        var headerLine = lines.LineNumber;
        if (!long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size > int.MaxValue)
        {
            throw new PatchFormatException($"line {headerLine}: bad binary hunk size \"{sizeText}\"", headerLine);
        }

        lines.Advance();
        using var compressed = new MemoryStream();
        while (!lines.AtEnd && lines.CurrentHeader.Length > 0)
        {
            try
            {
                compressed.Write(Base85.DecodeLine(lines.CurrentHeader));
            }
            catch (FormatException ex)
            {
                throw new PatchFormatException($"line {lines.LineNumber}: corrupt binary patch: {ex.Message}", ex);
            }

            lines.Advance();
        }

        if (!lines.AtEnd)
        {
            lines.Advance(); // the blank line that ends the hunk
        }

        var data = Inflate(compressed.ToArray(), headerLine);
        if (data.Length != size)
        {
            throw new PatchFormatException($"line {headerLine}: binary hunk inflates to {data.Length} bytes, header says {size}", headerLine);
        }

        return new BinaryHunk(kind, data);
    }

    private static byte[] Inflate(byte[] compressed, int line)
    {
        try
        {
            using var input = new MemoryStream(compressed);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            zlib.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw new PatchFormatException($"line {line}: binary hunk is not valid zlib data: {ex.Message}", ex);
        }
    }
}
