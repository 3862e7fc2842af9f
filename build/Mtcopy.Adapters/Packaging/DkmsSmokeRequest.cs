using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Packaging;

/// <summary>
/// Inputs of <see cref="DkmsPackageSmoke.RunAsync"/>: a scratch directory it owns, the DKMS .deb and
/// the kernel headers .deb to install there, the DKMS packages (the module's DKMS name, version and .ko
/// name), the patched kernel's packages (dkms -k release/arch), the unpatched kernel DKMS must decline
/// (null: that check is skipped and reported), and the log directory.
/// </summary>
public sealed record DkmsSmokeRequest(
    string ScratchDir,
    string DkmsDeb,
    string HeadersDeb,
    DkmsPackageModel Package,
    KernelPackageModel Kernel,
    UnpatchedKernel? Unpatched,
    string LogDir)
{
    /// <summary>When set, dkms signs with it, using sign-file from the installed headers.</summary>
    public ModuleSigningKey? SigningKey { get; init; }

    /// <summary>Where the module DKMS built is copied (for the guest), or null.</summary>
    public string? ModuleCopyPath { get; init; }

    /// <summary>
    /// The kernel image .deb and the prebuilt-module .deb: when both are set, their file lists are checked for the rule that
    /// only the module package ships the module (<see cref="ModuleOwnership"/>), so DKMS never shadows a kernel's file either.
    /// </summary>
    public (string ImageDeb, string ModulesDeb)? OwnershipDebs { get; init; }
}
