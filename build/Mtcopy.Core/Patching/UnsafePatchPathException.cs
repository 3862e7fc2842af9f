namespace Mtcopy.Core.Patching;

/// <summary>The series names paths outside the tree; nothing of it was applied.</summary>
public sealed class UnsafePatchPathException : UserErrorException
{
    public UnsafePatchPathException() => Violations = [];

    public UnsafePatchPathException(string message) : base(message) => Violations = [];

    public UnsafePatchPathException(string message, Exception inner) : base(message, inner) => Violations = [];

    public UnsafePatchPathException(IReadOnlyList<PathViolation> violations)
        : base(Describe(violations)) => Violations = violations;

    /// <summary>Every refused path of the series.</summary>
    public IReadOnlyList<PathViolation> Violations { get; }

    private static string Describe(IReadOnlyList<PathViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var lines = violations.Select(v => $"  patch {v.PatchNumber} ({v.PatchName}): \"{v.Path}\": {v.Reason}");
        return "The series writes outside the tree; nothing was applied. Fix or drop these patches:"
            + Environment.NewLine + string.Join(Environment.NewLine, lines);
    }
}
