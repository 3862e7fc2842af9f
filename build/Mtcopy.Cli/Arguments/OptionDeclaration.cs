namespace Mtcopy.Cli.Arguments;

/// <summary>
/// One <c>--name=value</c> option, declared once: its name, kind, default and description. The parser, the
/// stages' typed values and the help all come from these declarations (<see cref="DeclaredOptions"/>).
/// </summary>
/// <param name="Name">The name without the dashes, e.g. <c>sign-key</c>.</param>
/// <param name="Kind">How the value is checked and read.</param>
/// <param name="Placeholder">What to write after the <c>=</c>, for the help, e.g. <c>DIR</c>.</param>
/// <param name="Description">One sentence for the help.</param>
public sealed record OptionDeclaration(string Name, OptionKind Kind, string Placeholder, string Description)
{
    /// <summary>The value when the option is not given (or given empty); null: none.</summary>
    public string? Default { get; init; }

    /// <summary>What the default means when it is not a value of its own, e.g. "the manifest's default config".</summary>
    public string? DefaultMeaning { get; init; }

    /// <summary>The smallest value a <see cref="OptionKind.Number"/> takes.</summary>
    public int Minimum { get; init; }

    /// <summary>Set by build.cake itself (the run id), not by people: left out of the help.</summary>
    public bool Plumbing { get; init; }

    /// <summary>The default as the help shows it.</summary>
    public string DefaultText => (Default, DefaultMeaning) switch
    {
        ({ } value, { } meaning) => $"{value} ({meaning})",
        ({ } value, null) => value,
        (null, { } meaning) => meaning,
        _ => Kind == OptionKind.Flag ? "off" : "none",
    };
}
