namespace Mtcopy.Core.Packaging;

/// <summary>A packaging input (from the series manifest) has a value the packages cannot carry.</summary>
public sealed class PackageInputException : UserErrorException
{
    public PackageInputException() { }

    public PackageInputException(string message) : base(message) { }

    public PackageInputException(string message, Exception inner) : base(message, inner) { }

    public PackageInputException(IReadOnlyList<string> problems)
        : base("The packaging inputs (series manifest) are not valid:\n  - " + string.Join("\n  - ", problems ?? []))
    {
        Problems = problems ?? [];
    }

    /// <summary>One line per problem, each saying what to change.</summary>
    public IReadOnlyList<string> Problems { get; } = [];
}
