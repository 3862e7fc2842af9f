namespace Mtcopy.Core.Patching;

/// <summary>The role of one line inside a hunk.</summary>
public enum HunkLineKind
{
    /// <summary>' ': present before and after.</summary>
    Context,

    /// <summary>'-': present only before.</summary>
    Removed,

    /// <summary>'+': present only after.</summary>
    Added,
}
