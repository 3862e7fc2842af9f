using System.Globalization;
using System.Text.RegularExpressions;

namespace Mtcopy.Core.Smoke;

/// <summary>What one line of KTAP output is; anything unrecognised is noise.</summary>
internal enum KtapLineKind
{
    Noise,
    Version,
    Plan,
    Result,
    Diagnostic,
    BailOut,
}

/// <summary>One classified line: its indentation (spaces) and the parts that matter for its kind.</summary>
internal sealed partial record KtapLine(KtapLineKind Kind, int Indent, string Text)
{
    public int Number { get; init; }

    public bool Ok { get; init; }

    public string Name { get; init; } = string.Empty;

    public KtapDirective Directive { get; init; }

    public string DirectiveReason { get; init; } = string.Empty;

    /// <summary>A comment after '#' that is not a known directive, kept as a diagnostic.</summary>
    public string? Comment { get; init; }

    public static KtapLine Classify(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        string line = raw.TrimEnd('\r', '\n', ' ', '\t');
        Match stamp = PrintkTimestamp().Match(line);
        if (stamp.Success)
        {
            line = line[stamp.Length..];
        }

        int indent = 0;
        while (indent < line.Length && line[indent] == ' ')
        {
            indent++;
        }

        string text = line[indent..].Trim();
        if (text.Length == 0)
        {
            return new KtapLine(KtapLineKind.Noise, indent, text);
        }

        if (VersionLine().Match(text) is { Success: true } version)
        {
            return new KtapLine(KtapLineKind.Version, indent, text) { Number = ParseInt(version.Groups[1].Value) };
        }

        if (PlanLine().Match(text) is { Success: true } plan)
        {
            return new KtapLine(KtapLineKind.Plan, indent, text) { Number = ParseInt(plan.Groups[1].Value) };
        }

        if (ResultLine().Match(text) is { Success: true } result)
        {
            return ParseResult(indent, text, result);
        }

        if (text.StartsWith('#'))
        {
            return new KtapLine(KtapLineKind.Diagnostic, indent, text[1..].Trim());
        }

        if (text.StartsWith("Bail out!", StringComparison.Ordinal))
        {
            return new KtapLine(KtapLineKind.BailOut, indent, text);
        }

        return new KtapLine(KtapLineKind.Noise, indent, text);
    }

    private static KtapLine ParseResult(int indent, string text, Match result)
    {
        int number = ParseInt(result.Groups[2].Value);
        string rest = result.Groups[3].Value;
        string name = rest;
        string? comment = null;
        var directive = KtapDirective.None;
        string reason = string.Empty;
        int hash = FindComment(rest);
        if (hash >= 0)
        {
            name = rest[..hash];
            string after = rest[(hash + 1)..].Trim();
            string word = after.Split(' ', 2)[0];
            directive = word.ToUpperInvariant() switch
            {
                "SKIP" => KtapDirective.Skip,
                "TODO" or "XFAIL" => KtapDirective.Todo,
                _ => KtapDirective.None,
            };
            if (directive == KtapDirective.None)
            {
                comment = after;
            }
            else
            {
                reason = after[word.Length..].Trim();
            }
        }

        name = name.Trim();
        if (name.StartsWith("- ", StringComparison.Ordinal) || name == "-")
        {
            name = name[1..].Trim();
        }

        return new KtapLine(KtapLineKind.Result, indent, text)
        {
            Ok = result.Groups[1].Value == "ok",
            Number = number,
            Name = name.Length == 0 ? string.Create(CultureInfo.InvariantCulture, $"test_{number}") : name,
            Directive = directive,
            DirectiveReason = reason,
            Comment = comment,
        };
    }

    // '#' starts a comment at the start of the description or after a space.
    private static int FindComment(string rest)
    {
        for (int i = 0; i < rest.Length; i++)
        {
            if (rest[i] == '#' && (i == 0 || rest[i - 1] == ' '))
            {
                return i;
            }
        }

        return -1;
    }

    private static int ParseInt(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : int.MaxValue;

    [GeneratedRegex(@"^\[\s*\d+\.\d+\] ")]
    private static partial Regex PrintkTimestamp();

    [GeneratedRegex(@"^K?TAP version (\d+)$")]
    private static partial Regex VersionLine();

    [GeneratedRegex(@"^1\.\.(\d+)(?:\s+#.*)?$")]
    private static partial Regex PlanLine();

    [GeneratedRegex(@"^(ok|not ok) (\d+)(?:$| (.*)$)")]
    private static partial Regex ResultLine();
}
