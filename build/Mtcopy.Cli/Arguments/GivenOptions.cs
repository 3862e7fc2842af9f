using System.Globalization;
using Mtcopy.Core;

namespace Mtcopy.Cli.Arguments;

/// <summary>The <c>--name=value</c> pairs of one command line, checked against <see cref="DeclaredOptions"/> and read by kind.</summary>
internal sealed class GivenOptions
{
    private readonly Dictionary<string, string> given = new(StringComparer.Ordinal);

    /// <summary>Reads the options after the verb; an unknown option, a bare word or a bad number is a user error.</summary>
    public GivenOptions(IEnumerable<string> arguments)
    {
        foreach (string arg in arguments)
        {
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UserErrorException($"'{arg}' is not an option; write --name=value.");
            }

            int eq = arg.IndexOf('=', StringComparison.Ordinal);
            string name = eq < 0 ? arg[2..] : arg[2..eq];
            string value = eq < 0 ? "true" : arg[(eq + 1)..];
            OptionDeclaration option = DeclaredOptions.Find(name)
                ?? throw new UserErrorException($"Unknown option --{name}. Known options: {string.Join(", ", DeclaredOptions.All.Select(o => "--" + o.Name).Order(StringComparer.Ordinal))}.");
            given[name] = value;
            if (option.Kind == OptionKind.Number)
            {
                _ = Number(option);
            }
        }
    }

    /// <summary>The pairs as given, for rebuilding a command line.</summary>
    public IReadOnlyDictionary<string, string> Pairs => given;

    /// <summary>The value, or the declared default when not given or given empty.</summary>
    public string? Text(OptionDeclaration option) =>
        given.TryGetValue(option.Name, out string? v) && !string.IsNullOrWhiteSpace(v) ? v : option.Default;

    /// <summary>The comma-separated values, trimmed, empty ones dropped; null when not given.</summary>
    public IReadOnlyList<string>? List(OptionDeclaration option) =>
        Text(option)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A whole number of at least the declared minimum.</summary>
    public int Number(OptionDeclaration option)
    {
        string v = given.TryGetValue(option.Name, out string? value) ? value : option.Default ?? "0";
        return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= option.Minimum
            ? n
            : throw new UserErrorException($"--{option.Name}={v} is not a whole number of at least {option.Minimum}.");
    }

    /// <summary>On when given bare or with any value but false, 0 or nothing.</summary>
    public bool Flag(OptionDeclaration option) =>
        given.TryGetValue(option.Name, out string? v) && v is not ("false" or "0" or "");
}
