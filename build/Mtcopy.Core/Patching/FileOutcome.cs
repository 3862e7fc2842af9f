namespace Mtcopy.Core.Patching;

/// <summary>How one file patch ended up.</summary>
public enum FileOutcome
{
    /// <summary>Every hunk applied directly (clean, offset or fuzz).</summary>
    Applied,

    /// <summary>Some hunks failed directly; the three-way merge was clean.</summary>
    ThreeWay,

    /// <summary>The three-way merge left conflict markers in the file.</summary>
    Conflict,

    /// <summary>Could not be applied (hunks failed without a usable preimage, missing file, binary mismatch...).</summary>
    Failed,
}
