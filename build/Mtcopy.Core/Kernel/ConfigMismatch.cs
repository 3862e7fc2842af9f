namespace Mtcopy.Core.Kernel;

/// <summary>
/// One required option that did not end up as asked. <paramref name="Actual"/> is null when
/// the option is absent from the final .config. <paramref name="Hint"/> says what to change.
/// </summary>
public sealed record ConfigMismatch(
    string FragmentPath,
    KconfigEntry Wanted,
    KconfigEntry? Actual,
    ConfigMismatchKind Kind,
    string Hint)
{
    /// <summary>e.g. <c>CONFIG_X: wanted y, got m (frag.config:3). hint</c></summary>
    public string Describe()
    {
        string got = Actual is null ? "absent from the final .config" : $"got {Actual.Value.Text}";
        return $"{Wanted.Name}: wanted {Wanted.Value.Text}, {got} ({FragmentPath}:{Wanted.Line}). {Hint}";
    }
}
