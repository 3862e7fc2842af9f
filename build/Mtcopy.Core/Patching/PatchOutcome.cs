namespace Mtcopy.Core.Patching;

/// <summary>The applier's verdict on one patch of a series (recorded as a <see cref="Results.PatchRecord"/>).</summary>
public enum PatchOutcome
{
    /// <summary>Committed.</summary>
    Applied,

    /// <summary>A file failed or conflicted: the series stopped here.</summary>
    Stopped,

    /// <summary>Not tried yet (after a stop).</summary>
    NotAttempted,
}
