using Mtcopy.Adapters.Results;
using Mtcopy.Core.Results;

namespace Mtcopy.Cli.Stages;

/// <summary>
/// The Smoke stage's stamp for one built config: the kernel image, the modules the guest loads (the one Build made
/// and the one DKMS built in Package for this image, if any), the guest's sources and the sysfs contract.
/// </summary>
public sealed record SmokeStamp(string Name, string Key, IReadOnlyDictionary<string, string> Inputs, string? DkmsModule)
{
    /// <summary>One hash over the guest's sources (&lt;repo&gt;/tests/guest), shared by every config of a run.</summary>
    public static string GuestHash(RunLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return FileHash.OfDirectory(layout.GuestSourceDir);
    }

    /// <summary>The stamp of <paramref name="variant"/> as built now, with <paramref name="guestHash"/> and the rendered <paramref name="contract"/>.</summary>
    public static SmokeStamp For(RunLayout layout, BuiltVariant variant, string guestHash, string contract)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(variant);
        string image = FileHash.Sha256(variant.Image);
        string? dkmsModule = PackageStage.DkmsModuleFor(layout.StateDir, variant, image);
        var inputs = new Dictionary<string, string>
        {
            ["image"] = image,
            ["modules"] = FileHash.OfFiles("/", [.. variant.Modules, .. dkmsModule is null ? Array.Empty<string>() : [dkmsModule]]),
            ["guest"] = guestHash,
            ["contract"] = ContentHash.Sha256(contract),
        };
        string name = $"smoke-{variant.Name}";
        return new SmokeStamp(name, StageFingerprint.Compute(name, inputs), inputs, dkmsModule);
    }
}
