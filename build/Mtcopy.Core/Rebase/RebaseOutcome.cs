namespace Mtcopy.Core.Rebase;

/// <summary>How one patch of the series moved onto the new base.</summary>
public enum RebaseOutcome
{
    /// <summary>Not reached yet.</summary>
    Pending,

    /// <summary>Every file it touches is the same in the old and the new base: the patch applies as it is.</summary>
    Clean,

    /// <summary>Some file it touches differs in the new base; the three-way merge resolved it without conflict.</summary>
    ThreeWay,

    /// <summary>The three-way merge left conflicts: the rebase stopped here.</summary>
    Conflict,

    /// <summary>It conflicted, and the user resolved, staged and continued.</summary>
    ResolvedByUser,
}
