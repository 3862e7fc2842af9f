namespace Mtcopy.Core.Patching;

/// <summary>One line of a hunk, without its leading marker and without its line feed.</summary>
/// <param name="Kind">Context, removed or added.</param>
/// <param name="Text">The line's text (a trailing carriage return, if any, is kept).</param>
/// <param name="NoNewlineAtEnd">True when followed by "\ No newline at end of file".</param>
public sealed record HunkLine(HunkLineKind Kind, string Text, bool NoNewlineAtEnd = false);
