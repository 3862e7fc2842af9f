namespace Mtcopy.Core.Series.Quilt;

/// <summary>One DEP-3 field: the text after the colon and its continuation lines.</summary>
/// <param name="Name">Field name as written (<c>Description</c>, <c>Bug-Debian</c>, ...).</param>
/// <param name="FirstLine">Value on the field's own line, trimmed.</param>
/// <param name="Continuation">Continuation lines, one leading space removed, <c>.</c> lines made blank.</param>
internal sealed record Dep3Field(string Name, string FirstLine, IReadOnlyList<string> Continuation)
{
    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The value as one line (continuations joined with a space).</summary>
    public string OneLine => string.Join(' ', new[] { FirstLine }.Concat(Continuation).Where(s => s.Length > 0));
}
