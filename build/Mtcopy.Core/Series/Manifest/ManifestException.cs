namespace Mtcopy.Core.Series.Manifest;

/// <summary>
/// A manifest that cannot be used. The message lists every problem found as
/// <c>file:line:column: path: what to change</c>.
/// </summary>
public sealed class ManifestException : UserErrorException
{
    public ManifestException() { }

    public ManifestException(string message) : base(message) { }

    public ManifestException(string message, Exception inner) : base(message, inner) { }

    public ManifestException(string sourceName, IReadOnlyList<ManifestError> errors)
        : base(Describe(sourceName, errors))
    {
        SourceName = sourceName;
        Errors = errors;
    }

    public ManifestException(string sourceName, IReadOnlyList<ManifestError> errors, Exception inner)
        : base(Describe(sourceName, errors), inner)
    {
        SourceName = sourceName;
        Errors = errors;
    }

    public string SourceName { get; } = string.Empty;

    public IReadOnlyList<ManifestError> Errors { get; } = [];

    private static string Describe(string sourceName, IReadOnlyList<ManifestError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var lines = errors.Select(e => e.Format(sourceName));
        return errors.Count == 1
            ? lines.Single()
            : $"{sourceName}: {errors.Count} problems:\n" + string.Join('\n', lines.Select(l => "  " + l));
    }
}
