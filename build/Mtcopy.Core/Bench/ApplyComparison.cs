namespace Mtcopy.Core.Bench;

/// <summary>
/// Our series applier against <c>git am</c>, the same patches onto the same base, each into a fresh
/// worktree. git am's checkout (<c>git worktree add --detach</c>) and apply are timed apart. Ours is one
/// call that makes its worktree itself: its checkout ends when its <c>git worktree add</c> exits (git's
/// trace2 events say when), and the rest of the call is its apply.
/// </summary>
public sealed record ApplyComparison(
    string BaseCommit,
    int Patches,
    double OursCheckoutSeconds,
    double OursApplySeconds,
    string OursTree,
    double AmCheckoutSeconds,
    double AmApplySeconds,
    string AmTree)
{
    public double OursTotalSeconds => OursCheckoutSeconds + OursApplySeconds;

    public double AmTotalSeconds => AmCheckoutSeconds + AmApplySeconds;

    public bool SameTree => string.Equals(OursTree, AmTree, StringComparison.Ordinal);

    /// <summary>ours / git am, apply alone.</summary>
    public double? ApplyRatio => BenchMath.Ratio(OursApplySeconds, AmApplySeconds);
}
