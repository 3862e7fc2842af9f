namespace Mtcopy.Core.Patching;

/// <summary>Applies git's binary delta format (as used in packs and "GIT binary patch" delta hunks).</summary>
public static class GitDelta
{
    /// <summary>Builds the target from <paramref name="source"/> and the delta instructions.</summary>
    /// <exception cref="FormatException">The delta is corrupt or was made for a source of another size.</exception>
    public static byte[] Apply(ReadOnlySpan<byte> source, ReadOnlySpan<byte> delta)
    {
        var pos = 0;
        var sourceSize = ReadSize(delta, ref pos);
        var targetSize = ReadSize(delta, ref pos);
        if (sourceSize != (ulong)source.Length)
        {
            throw new FormatException($"delta expects a source of {sourceSize} bytes, got {source.Length}");
        }

        if (targetSize > int.MaxValue)
        {
            throw new FormatException("delta target too large");
        }

        var target = new byte[(int)targetSize];
        var written = 0;
        while (pos < delta.Length)
        {
            var cmd = delta[pos++];
            if ((cmd & 0x80) != 0)
            {
                (int offset, int size) = ReadCopy(delta, ref pos, cmd);
                if ((long)offset + size > source.Length || written + size > target.Length)
                {
                    throw new FormatException("delta copy out of range");
                }

                source.Slice(offset, size).CopyTo(target.AsSpan(written));
                written += size;
            }
            else if (cmd != 0)
            {
                if (pos + cmd > delta.Length || written + cmd > target.Length)
                {
                    throw new FormatException("delta insert out of range");
                }

                delta.Slice(pos, cmd).CopyTo(target.AsSpan(written));
                pos += cmd;
                written += cmd;
            }
            else
            {
                throw new FormatException("delta contains the reserved opcode 0");
            }
        }

        if (written != target.Length)
        {
            throw new FormatException($"delta produced {written} bytes, expected {target.Length}");
        }

        return target;
    }

    /// <summary>A copy instruction's source offset and size: the bytes its opcode bits say are present.</summary>
    private static (int Offset, int Size) ReadCopy(ReadOnlySpan<byte> delta, ref int pos, byte cmd)
    {
        long offset = 0;
        long size = 0;
        for (var bit = 0; bit < 4; bit++)
        {
            if ((cmd & (1 << bit)) != 0)
            {
                offset |= (long)Next(delta, ref pos) << (8 * bit);
            }
        }

        for (var bit = 0; bit < 3; bit++)
        {
            if ((cmd & (0x10 << bit)) != 0)
            {
                size |= (long)Next(delta, ref pos) << (8 * bit);
            }
        }

        if (offset > int.MaxValue)
        {
            throw new FormatException("delta copy out of range");
        }

        return ((int)offset, size == 0 ? 0x10000 : (int)size);
    }

    private static ulong ReadSize(ReadOnlySpan<byte> delta, ref int pos)
    {
        ulong value = 0;
        var shift = 0;
        byte b;
        do
        {
            b = Next(delta, ref pos);
            value |= (ulong)(b & 0x7F) << shift;
            shift += 7;
            if (shift > 63)
            {
                throw new FormatException("delta size header too long");
            }
        }
        while ((b & 0x80) != 0);
        return value;
    }

    private static byte Next(ReadOnlySpan<byte> delta, ref int pos) =>
        pos < delta.Length ? delta[pos++] : throw new FormatException("delta truncated");
}
