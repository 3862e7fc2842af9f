using System.Diagnostics.CodeAnalysis;

namespace Mtcopy.Core.Kernel;

/// <summary>
/// A parsed .config or config fragment: its settings in file order, with line numbers.
/// Comments and blank lines are dropped. When a symbol appears twice the later line
/// wins (as in Kconfig); <see cref="Entries"/> keeps both.
/// </summary>
public sealed class KconfigFile
{
    private const string NotSetPrefix = "# CONFIG_";
    private const string NotSetSuffix = " is not set";

    private readonly Dictionary<string, KconfigEntry> _effective;

    private KconfigFile(string sourceName, IReadOnlyList<KconfigEntry> entries)
    {
        SourceName = sourceName;
        Entries = entries;
        _effective = new Dictionary<string, KconfigEntry>(StringComparer.Ordinal);
        foreach (KconfigEntry entry in entries)
        {
            _effective[entry.Name] = entry;
        }
    }

    /// <summary>Where the text came from, used in messages (a path or a label).</summary>
    public string SourceName { get; }

    /// <summary>Every setting line in file order.</summary>
    public IReadOnlyList<KconfigEntry> Entries { get; }

    /// <summary>The effective setting of each symbol (last line wins), in first-seen order.</summary>
    public IEnumerable<KconfigEntry> EffectiveEntries =>
        Entries.Where(e => ReferenceEquals(_effective[e.Name], e));

    /// <summary>Parses Kconfig text; throws <see cref="KconfigSyntaxException"/> naming file:line.</summary>
    public static KconfigFile Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var entries = new List<KconfigEntry>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            KconfigEntry? entry = ParseLine(lines[i].TrimEnd(), i + 1, sourceName);
            if (entry is not null)
            {
                entries.Add(entry);
            }
        }

        return new KconfigFile(sourceName, entries);
    }

    /// <summary>The effective entry for a symbol, e.g. <c>CONFIG_MIGRATION</c>.</summary>
    public bool TryGet(string name, [MaybeNullWhen(false)] out KconfigEntry entry)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _effective.TryGetValue(name, out entry);
    }

    /// <summary>The effective value of a symbol, or null when the file does not mention it.</summary>
    public KconfigValue? ValueOf(string name) => TryGet(name, out KconfigEntry? entry) ? entry.Value : null;

    private static KconfigEntry? ParseLine(string line, int number, string sourceName)
    {
        if (line.Length == 0)
        {
            return null;
        }

        if (line.StartsWith(NotSetPrefix, StringComparison.Ordinal) && line.EndsWith(NotSetSuffix, StringComparison.Ordinal))
        {
            string name = line[2..^NotSetSuffix.Length];
            return IsSymbolName(name)
                ? new KconfigEntry(name, KconfigValue.No, number)
                : throw new KconfigSyntaxException(sourceName, number, $"'{line}' does not name a valid CONFIG_ symbol.");
        }

        if (line[0] == '#')
        {
            return null;
        }

        if (char.IsWhiteSpace(line[0]))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                return null;
            }

            throw new KconfigSyntaxException(sourceName, number,
                $"'{line.Trim()}' starts with whitespace; Kconfig ignores such lines. Remove the leading whitespace.");
        }

        int equals = line.IndexOf('=', StringComparison.Ordinal);
        if (!line.StartsWith("CONFIG_", StringComparison.Ordinal) || equals < 0)
        {
            throw new KconfigSyntaxException(sourceName, number,
                $"'{line}' is not a setting. Write CONFIG_NAME=value, '# CONFIG_NAME is not set', or a '#' comment.");
        }

        string symbol = line[..equals];
        if (!IsSymbolName(symbol))
        {
            throw new KconfigSyntaxException(sourceName, number,
                $"'{symbol}' is not a valid symbol name (letters, digits and '_' only, no spaces around '=').");
        }

        KconfigValue value = KconfigValue.TryParse(line[(equals + 1)..])
            ?? throw new KconfigSyntaxException(sourceName, number,
                $"'{line}': the value must be y, m, n, a \"double-quoted string\", a decimal number or a 0x hex number.");
        return new KconfigEntry(symbol, value, number);
    }

    private static bool IsSymbolName(string name) =>
        name.Length > "CONFIG_".Length
        && name.StartsWith("CONFIG_", StringComparison.Ordinal)
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
