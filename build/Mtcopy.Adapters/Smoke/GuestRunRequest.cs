using Mtcopy.Core.Smoke;

namespace Mtcopy.Adapters.Smoke;

/// <summary>
/// One smoke guest run: the config name (the output goes to <c>&lt;OutDir&gt;/smoke/&lt;ConfigName&gt;/</c>),
/// the built kernel image and module, the guest sources (<see cref="GuestSourceDir"/> holds
/// <c>init</c> and <c>mtcopy-test.c</c>, i.e. tests/guest), and how to boot.
/// </summary>
public sealed record GuestRunRequest(string ConfigName, string OutDir, string KernelImagePath, string ModulePath, string GuestSourceDir)
{
    /// <summary>A second build of the module (e.g. by dkms), installed as /lib/modules/dkms/mtcopy.ko.</summary>
    public string? DkmsModulePath { get; init; }

    /// <summary>Test-only modules (e.g. offc_test.ko, see <see cref="GuestRunner.BuildTestModulesAsync"/>), each installed as /lib/modules/&lt;file name&gt;.</summary>
    public IReadOnlyList<string> TestModulePaths { get; init; } = [];

    /// <summary>busybox-static's binary.</summary>
    public string BusyboxPath { get; init; } = "/bin/busybox";

    /// <summary>Written to /etc/mtcopy/contract in the guest.</summary>
    public string ContractText { get; init; } = string.Empty;

    public IReadOnlyList<string> ExtraKernelArgs { get; init; } = [];

    public int MemoryPerNodeMiB { get; init; } = 512;

    public int Nodes { get; init; } = 2;

    /// <summary>Two per node by default, so that a migrator's copies really run in parallel.</summary>
    public int Vcpus { get; init; } = 4;

    /// <summary>How long qemu may run before the host kills it.</summary>
    public TimeSpan Timeout { get; init; } = QemuSettings.DefaultTimeout;

    /// <summary>The mtime of every initramfs entry (e.g. from SOURCE_DATE_EPOCH), so the archive is reproducible.</summary>
    public DateTimeOffset ArchiveMtime { get; init; } = DateTimeOffset.UnixEpoch;

    public string QemuProgram { get; init; } = "qemu-system-x86_64";

    public string CompilerProgram { get; init; } = GuestTestProgram.Compiler;
}
