namespace Mtcopy.Core.Bench;

/// <summary>
/// Our series applier against <c>git am</c>, the same patches onto the same base, each into a fresh
/// worktree. git am's checkout and apply are timed apart. Ours makes its worktree itself, so its
/// apply time is its total less its checkout, which is timed alone with the same call just before.
/// </summary>
public sealed record ApplyComparison(
    string BaseCommit,
    int Patches,
    double OursCheckoutSeconds,
    double OursTotalSeconds,
    string OursTree,
    double AmCheckoutSeconds,
    double AmApplySeconds,
    string AmTree)
{
    /// <summary>Ours, the apply alone (derived: total less checkout, at least 0).</summary>
    public double OursApplySeconds => Math.Max(0, OursTotalSeconds - OursCheckoutSeconds);

    public double AmTotalSeconds => AmCheckoutSeconds + AmApplySeconds;

    public bool SameTree => string.Equals(OursTree, AmTree, StringComparison.Ordinal);

    /// <summary>ours / git am, apply alone.</summary>
    public double? ApplyRatio => BenchMath.Ratio(OursApplySeconds, AmApplySeconds);
}
