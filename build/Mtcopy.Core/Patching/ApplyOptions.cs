namespace Mtcopy.Core.Patching;

/// <summary>How hard the applier tries before it gives up on a hunk.</summary>
public sealed record ApplyOptions
{
    /// <summary>The defaults: exact position, then offset search, then three-way; no fuzz.</summary>
    public static ApplyOptions Default { get; } = new();

    /// <summary>
    /// Maximum number of leading/trailing context lines that may be ignored (0 = never, like git).
    /// Tried only after exact and offset matching failed.
    /// </summary>
    public int Fuzz { get; init; }

    /// <summary>Fall back to a three-way merge with the preimage blob when a hunk fails (the adapter does this).</summary>
    public bool ThreeWay { get; init; } = true;

    /// <summary>Conflict markers with the base's lines between them (diff3 style), for Rebase's conflict report.</summary>
    public bool ShowBase { get; init; }
}
