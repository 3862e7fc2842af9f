using System.Globalization;
using System.Numerics;
using System.Text;

namespace Mtcopy.Core.Kernel;

/// <summary>
/// One Kconfig value. <see cref="Text"/> is the value as written after <c>=</c>
/// (<c>y</c>, <c>"quoted"</c>, <c>0x1f</c>; <c>n</c> for "is not set");
/// <see cref="StringValue"/> holds the unescaped text of a string value.
/// </summary>
public sealed record KconfigValue(KconfigValueKind Kind, string Text, string? StringValue = null)
{
    public static KconfigValue No { get; } = new(KconfigValueKind.No, "n");

    public static KconfigValue Module { get; } = new(KconfigValueKind.Module, "m");

    public static KconfigValue Yes { get; } = new(KconfigValueKind.Yes, "y");

    /// <summary>True when the option is effectively disabled (n / is not set).</summary>
    public bool IsDisabled => Kind == KconfigValueKind.No;

    /// <summary>
    /// Parses the text after <c>CONFIG_X=</c>. Returns null when it is none of
    /// y, m, n, a double-quoted string, a decimal number or a 0x hex number.
    /// </summary>
    public static KconfigValue? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (text)
        {
            case "y":
                return Yes;
            case "m":
                return Module;
            case "n":
                return No;
        }

        if (text.Length >= 2 && text[0] == '"')
        {
            string? unescaped = Unescape(text);
            return unescaped is null ? null : new KconfigValue(KconfigValueKind.Text, text, unescaped);
        }

        if (IsHex(text))
        {
            return new KconfigValue(KconfigValueKind.Hex, text);
        }

        if (IsDecimal(text))
        {
            return new KconfigValue(KconfigValueKind.Number, text);
        }

        return null;
    }

    /// <summary>
    /// Whether a value found in a .config satisfies this (wanted) value, the way Kconfig
    /// would normalise it: numbers compare numerically, hex case-insensitively, and a
    /// decimal-looking value asked for a hex symbol is read as hex digits (Kconfig adds the 0x).
    /// </summary>
    public bool IsSatisfiedBy(KconfigValue actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        return (Kind, actual.Kind) switch
        {
            (KconfigValueKind.No, KconfigValueKind.No) => true,
            (KconfigValueKind.Yes, KconfigValueKind.Yes) => true,
            (KconfigValueKind.Module, KconfigValueKind.Module) => true,
            (KconfigValueKind.Text, KconfigValueKind.Text) =>
                string.Equals(StringValue, actual.StringValue, StringComparison.Ordinal),
            (KconfigValueKind.Number, KconfigValueKind.Number) => ParseDecimal(Text) == ParseDecimal(actual.Text),
            (KconfigValueKind.Hex, KconfigValueKind.Hex) => ParseHex(Text[2..]) == ParseHex(actual.Text[2..]),
            (KconfigValueKind.Number, KconfigValueKind.Hex) =>
                !Text.StartsWith('-') && ParseHex(Text) == ParseHex(actual.Text[2..]),
            _ => false,
        };
    }

    public override string ToString() => Text;

    private static bool IsHex(string text) =>
        text.Length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X') && text[2..].All(char.IsAsciiHexDigit);

    private static bool IsDecimal(string text)
    {
        string digits = text.StartsWith('-') ? text[1..] : text;
        return digits.Length > 0 && digits.All(char.IsAsciiDigit);
    }

    private static BigInteger ParseDecimal(string text) =>
        BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    // Leading "0" keeps BigInteger from reading a high digit as a sign bit.
    private static BigInteger ParseHex(string digits) =>
        BigInteger.Parse("0" + digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    /// <summary>Kconfig string escapes: only <c>\"</c> and <c>\\</c>.</summary>
    private static string? Unescape(string quoted)
    {
        if (quoted[^1] != '"')
        {
            return null;
        }

        var builder = new StringBuilder(quoted.Length);
        for (int i = 1; i < quoted.Length - 1; i++)
        {
            char c = quoted[i];
            if (c == '\\')
            {
                i++;
                if (i >= quoted.Length - 1)
                {
                    return null;
                }

                builder.Append(quoted[i]);
            }
            else if (c == '"')
            {
                return null;
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
