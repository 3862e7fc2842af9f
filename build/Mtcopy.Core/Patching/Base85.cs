namespace Mtcopy.Core.Patching;

/// <summary>Decoding of git's base85 (the alphabet and line format of "GIT binary patch").</summary>
public static class Base85
{
    private const string Alphabet =
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~";

    private static readonly sbyte[] DigitOf = BuildTable();

    /// <summary>Decodes groups of five base85 characters into four bytes each.</summary>
    /// <exception cref="FormatException">Bad length, character or group value.</exception>
    public static byte[] Decode(ReadOnlySpan<char> text)
    {
        if (text.Length % 5 != 0)
        {
            throw new FormatException("base85 text length is not a multiple of 5");
        }

        var result = new byte[text.Length / 5 * 4];
        for (int group = 0, o = 0; group < text.Length; group += 5, o += 4)
        {
            ulong acc = 0;
            for (var k = 0; k < 5; k++)
            {
                var c = text[group + k];
                var digit = c < 128 ? DigitOf[c] : (sbyte)-1;
                if (digit < 0)
                {
                    throw new FormatException($"invalid base85 character '{c}'");
                }

                acc = (acc * 85) + (ulong)digit;
            }

            if (acc > uint.MaxValue)
            {
                throw new FormatException("base85 group overflows 32 bits");
            }

            result[o] = (byte)(acc >> 24);
            result[o + 1] = (byte)(acc >> 16);
            result[o + 2] = (byte)(acc >> 8);
            result[o + 3] = (byte)acc;
        }

        return result;
    }

    /// <summary>
    /// Decodes one data line of a binary hunk: a length character ('A'-'Z' = 1-26, 'a'-'z' = 27-52)
    /// followed by the base85 encoding of that many bytes.
    /// </summary>
    public static byte[] DecodeLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length < 6)
        {
            throw new FormatException("binary patch line too short");
        }

        var first = line[0];
        int length = first switch
        {
            >= 'A' and <= 'Z' => first - 'A' + 1,
            >= 'a' and <= 'z' => first - 'a' + 27,
            _ => throw new FormatException($"invalid binary patch line length character '{first}'"),
        };
        var body = line.AsSpan(1);
        if (body.Length != (length + 3) / 4 * 5)
        {
            throw new FormatException($"binary patch line has {body.Length} characters for {length} bytes");
        }

        return Decode(body)[..length];
    }

    private static sbyte[] BuildTable()
    {
        var table = new sbyte[128];
        Array.Fill(table, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            table[Alphabet[i]] = (sbyte)i;
        }

        return table;
    }
}
