namespace Mtcopy.Core.Patching;

/// <summary>How one patch of a series ended up.</summary>
public enum PatchOutcome
{
    /// <summary>Committed.</summary>
    Applied,

    /// <summary>A file failed or conflicted: the series stopped here.</summary>
    Stopped,

    /// <summary>Not tried yet (after a stop).</summary>
    NotAttempted,
}
