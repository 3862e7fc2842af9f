namespace Mtcopy.Core.Smoke;

/// <summary>
/// The host files that go into the smoke guest, and the contract text written to
/// <c>/etc/mtcopy/contract</c>. <see cref="DkmsModulePath"/> is a second build of the module
/// (e.g. by dkms) installed as <c>/lib/modules/dkms/mtcopy.ko</c> when given; <see cref="TestModulePaths"/>
/// are the test-only modules (tests/guest/offc-test), each installed as <c>/lib/modules/&lt;file name&gt;</c>.
/// </summary>
public sealed record SmokeGuestFiles(
    string InitScriptPath,
    string BusyboxPath,
    string TestProgramPath,
    string ModulePath,
    string ContractText)
{
    public string? DkmsModulePath { get; init; }

    public IReadOnlyList<string> TestModulePaths { get; init; } = [];
}
