namespace Mtcopy.Core.Patching;

/// <summary>Where git applied a hunk that did not land where its header says.</summary>
/// <param name="Number">1-based hunk number; null when git named only the line (context reduced, no offset message).</param>
/// <param name="Line">1-based line git reports (for reduced context: where the reduced hunk starts).</param>
/// <param name="Leading">Leading context lines kept, when git reduced the context.</param>
/// <param name="Trailing">Trailing context lines kept, when git reduced the context.</param>
public sealed record HunkNote(int? Number, int Line, int? Leading, int? Trailing);
