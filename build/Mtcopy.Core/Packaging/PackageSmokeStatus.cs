namespace Mtcopy.Core.Packaging;

/// <summary>Outcome of one package smoke check.</summary>
public enum PackageSmokeStatus
{
    Passed,

    Failed,

    /// <summary>DKMS declined to build (BUILD_EXCLUSIVE_*, exit 77) where declining is the expected answer.</summary>
    Declined,
}
