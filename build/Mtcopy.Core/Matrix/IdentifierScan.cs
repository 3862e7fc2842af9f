using System.Text.RegularExpressions;

namespace Mtcopy.Core.Matrix;

/// <summary>C identifiers a hunk's lines name that a file does not contain at all.</summary>
public static partial class IdentifierScan
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "static", "struct", "unsigned", "return", "sizeof", "switch", "default", "continue", "extern", "inline",
        "const", "while", "break", "union", "typedef", "register", "volatile", "signed", "include", "define",
        "endif", "ifdef", "ifndef", "else", "goto", "void", "bool", "long", "short", "char", "enum", "true", "false",
    };

    /// <summary>
    /// Distinct identifiers of <paramref name="lines"/> (at least 5 characters, or with an underscore; not C
    /// keywords; not in comments) that appear nowhere in <paramref name="fileText"/>, in order of appearance.
    /// </summary>
    public static IReadOnlyList<string> Missing(IEnumerable<string> lines, string fileText)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(fileText);
        var present = new HashSet<string>(Identifier().Matches(fileText).Select(m => m.Value), StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (string line in lines)
        {
            string code = StripComment(line);
            foreach (Match m in Identifier().Matches(code))
            {
                string id = m.Value;
                bool notable = id.Length >= 5 || id.Contains('_', StringComparison.Ordinal);
                if (notable && !Keywords.Contains(id) && !present.Contains(id) && !missing.Contains(id))
                {
                    missing.Add(id);
                }
            }
        }

        return missing;
    }

    private static string StripComment(string line)
    {
        string trimmed = line.TrimStart();
        if (trimmed.StartsWith('*') || trimmed.StartsWith("/*", StringComparison.Ordinal) || trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            return string.Empty;
        }

        int comment = line.IndexOf("/*", StringComparison.Ordinal);
        return comment < 0 ? line : line[..comment];
    }

    [GeneratedRegex("[A-Za-z_][A-Za-z0-9_]*", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
