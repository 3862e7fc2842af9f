using System.Text.RegularExpressions;
using Mtcopy.Core.Series.Mail;

namespace Mtcopy.Core.Series.Quilt;

/// <summary>
/// The meta-information in front of a DEP-3 patch: field paragraphs and free-form paragraphs,
/// read up to the first <c>---</c> line or the start of the diff.
/// </summary>
internal sealed partial record Dep3Header(IReadOnlyList<Dep3Field> Fields, IReadOnlyList<string> FreeText)
{
    public Dep3Field? First(params string[] names) =>
        Fields.FirstOrDefault(f => names.Any(f.Is));

    public static Dep3Header Parse(IReadOnlyList<string> lines)
    {
        var fields = new List<Dep3Field>();
        var free = new List<string>();
        foreach (var paragraph in Paragraphs(lines))
        {
            var i = 0;
            while (i < paragraph.Count && FieldLine().Match(paragraph[i]) is { Success: true } m)
            {
                var continuation = new List<string>();
                i++;
                while (i < paragraph.Count && paragraph[i][0] is ' ' or '\t')
                {
                    var text = paragraph[i][1..].TrimEnd();
                    continuation.Add(text.Trim() == "." ? string.Empty : text);
                    i++;
                }

                fields.Add(new Dep3Field(m.Groups[1].Value, m.Groups[2].Value.Trim(), continuation));
            }

            if (i < paragraph.Count)
            {
                if (free.Count > 0)
                {
                    free.Add(string.Empty);
                }

                free.AddRange(paragraph.Skip(i).Select(l => l.TrimEnd()));
            }
        }

        return new Dep3Header(fields, free);
    }

    /// <summary>True when the first paragraph starts with a field line.</summary>
    public static bool StartsWithField(IReadOnlyList<string> lines) =>
        Paragraphs(lines).FirstOrDefault() is { } first && FieldLine().IsMatch(first[0]);

    /// <summary>Index of the first line that ends the header: <c>---</c> or a diff start.</summary>
    public static int End(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].StartsWith("---", StringComparison.Ordinal) || DiffExtractor.StartsDiff(lines, i))
            {
                return i;
            }
        }

        return lines.Count;
    }

    private static IEnumerable<List<string>> Paragraphs(IReadOnlyList<string> lines)
    {
        var current = new List<string>();
        foreach (var line in lines.Take(End(lines)).Select(TextLines.Content))
        {
            if (line.Trim().Length == 0)
            {
                if (current.Count > 0)
                {
                    yield return current;
                    current = [];
                }

                continue;
            }

            current.Add(line);
        }

        if (current.Count > 0)
        {
            yield return current;
        }
    }

    [GeneratedRegex(@"^([A-Za-z0-9][A-Za-z0-9_-]*):(.*)$")]
    private static partial Regex FieldLine();
}
