namespace Mtcopy.Core.Patching;

/// <summary>How one hunk ended up in the result.</summary>
public enum HunkOutcome
{
    /// <summary>Applied at the line the patch names.</summary>
    Clean,

    /// <summary>Applied with all context, but some lines away (<see cref="HunkResult.Offset"/>).</summary>
    Offset,

    /// <summary>Applied after ignoring <see cref="HunkResult.Fuzz"/> context lines at each end.</summary>
    Fuzz,

    /// <summary>Did not apply directly; a three-way merge with the preimage blob resolved it cleanly.</summary>
    ThreeWay,

    /// <summary>Did not apply directly; the three-way merge left conflict markers.</summary>
    Conflict,

    /// <summary>Did not apply and could not be merged.</summary>
    Failed,
}
