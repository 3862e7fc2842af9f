using System.Text.RegularExpressions;

namespace Mtcopy.Core.Rebase;

/// <summary>
/// manifest.yaml of a rebased series, edited as text so comments and layout stay: the patch list
/// replaced, the new base added as the default (an entry with the same id is replaced), and the
/// module source paths rewritten for the new directory. Validate the result with the manifest loader.
/// </summary>
public static partial class ManifestRebase
{
    /// <summary>The new base's entry; null when the new base is not a Debian package (the bases stay as they are).</summary>
    public sealed record BaseEntry(string Id, string Package, string Version, string? Suite, string Kernel);

    public static string Update(string manifest, IReadOnlyList<string> patches, BaseEntry? newBase, Func<string, string> moduleSource)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(patches);
        ArgumentNullException.ThrowIfNull(moduleSource);
        var lines = manifest.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n').ToList();
        ReplacePatches(lines, patches);
        if (newBase is not null)
        {
            AddBase(lines, newBase);
        }

        for (int i = 0; i < lines.Count; i++)
        {
            Match m = SourceLine().Match(lines[i]);
            if (m.Success)
            {
                lines[i] = m.Groups[1].Value + moduleSource(m.Groups[2].Value);
            }
        }

        return string.Join("\n", lines) + "\n";
    }

    private static void ReplacePatches(List<string> lines, IReadOnlyList<string> patches)
    {
        int header = lines.FindIndex(l => PatchesHeader().IsMatch(l));
        if (header < 0)
        {
            throw new FormatException("The manifest has no 'patches:' list under 'series:'.");
        }

        int end = header + 1;
        string indent = "    ";
        while (end < lines.Count && ListItem().Match(lines[end]) is { Success: true } item)
        {
            indent = item.Groups[1].Value;
            end++;
        }

        lines.RemoveRange(header + 1, end - header - 1);
        lines.InsertRange(header + 1, patches.Select(p => $"{indent}- {p}"));
    }

    private static void AddBase(List<string> lines, BaseEntry entry)
    {
        int header = lines.FindIndex(l => l == "bases:");
        if (header < 0)
        {
            throw new FormatException("The manifest has no top-level 'bases:' list.");
        }

        int end = BasesEnd(lines, header);

        // Drop an entry with the same id, and the default mark of the others.
        for (int i = header + 1; i < end; i++)
        {
            if (BaseItem().Match(lines[i]) is { Success: true } m && Unquote(m.Groups[1].Value) == entry.Id)
            {
                int next = i + 1;
                while (next < end && !lines[next].TrimStart().StartsWith("- ", StringComparison.Ordinal) && lines[next].StartsWith("    ", StringComparison.Ordinal))
                {
                    next++;
                }

                lines.RemoveRange(i, next - i);
                end -= next - i;
                i--;
            }
        }

        for (int i = end - 1; i > header; i--)
        {
            if (DefaultLine().IsMatch(lines[i]))
            {
                lines.RemoveAt(i);
                end--;
            }
        }

        lines.InsertRange(end, EntryLines(entry));
    }

    /// <summary>The index after the last line of the <c>bases:</c> list that starts at <paramref name="header"/>, trailing blank lines left out.</summary>
    private static int BasesEnd(List<string> lines, int header)
    {
        int end = header + 1;
        while (end < lines.Count && (lines[end].Length == 0 || lines[end].StartsWith(' ') || lines[end].StartsWith('#')))
        {
            end++;
        }

        while (end > header + 1 && lines[end - 1].Trim().Length == 0)
        {
            end--;
        }

        return end;
    }

    private static List<string> EntryLines(BaseEntry entry)
    {
        var added = new List<string>
        {
            "  # Added by mtcopy rebase: the base this copy of the series was rebased onto.",
            $"  - id: \"{entry.Id}\"",
            $"    package: {entry.Package}",
            $"    version: {entry.Version}",
        };
        if (entry.Suite is not null)
        {
            added.Add($"    suite: {entry.Suite}");
        }

        added.Add($"    kernel: {entry.Kernel}");
        added.Add("    default: true");
        return added;
    }

    private static string Unquote(string value) => value.Trim().Trim('"', '\'');

    [GeneratedRegex(@"^\s+patches:\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PatchesHeader();

    [GeneratedRegex(@"^(\s+)- \S", RegexOptions.CultureInvariant)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^  - id:\s*(.+?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BaseItem();

    [GeneratedRegex(@"^\s+default:\s*true\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DefaultLine();

    [GeneratedRegex(@"^(\s+source:\s*)(\S+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SourceLine();
}
