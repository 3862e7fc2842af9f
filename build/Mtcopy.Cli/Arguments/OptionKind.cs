namespace Mtcopy.Cli.Arguments;

/// <summary>What an option's value is: how it is checked when parsed and how it is read.</summary>
public enum OptionKind
{
    /// <summary>A word or a path.</summary>
    Text,

    /// <summary>Comma-separated words or paths.</summary>
    List,

    /// <summary>A whole number of at least the declaration's minimum.</summary>
    Number,

    /// <summary>Given bare (<c>--continue</c>) or as <c>--continue=true</c>; false, 0 or empty turn it off.</summary>
    Flag,
}
