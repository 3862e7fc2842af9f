namespace Mtcopy.Core.SystemTest;

/// <summary>
/// A negative control: a defect put into the packages on purpose; the system test must fail on it, naming
/// <see cref="SystemFaults.ExpectedStep"/>.
/// </summary>
public enum SystemFault
{
    None,

    /// <summary>mtcopy-dkms's postinst builds the module only for <c>uname -r</c> (the old hand-written one).</summary>
    UnameOnlyPostinst,

    /// <summary>The kernel package also ships mtcopy.ko (CONFIG_MTCOPY_CPU=m packaged, as before issue 10).</summary>
    KernelShipsModule,

    /// <summary>mtcopy-dkms's postinst leaves a file that purge does not remove.</summary>
    PurgeLeavesFile,
}

/// <summary>The faults' command-line names and the step each must fail.</summary>
public static class SystemFaults
{
    private static readonly Dictionary<string, SystemFault> ByName = new(StringComparer.Ordinal)
    {
        ["none"] = SystemFault.None,
        ["uname-only-postinst"] = SystemFault.UnameOnlyPostinst,
        ["kernel-ships-module"] = SystemFault.KernelShipsModule,
        ["purge-leaves-file"] = SystemFault.PurgeLeavesFile,
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <exception cref="UserErrorException">Not a fault's name.</exception>
    public static SystemFault Parse(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return SystemFault.None;
        }

        return ByName.TryGetValue(name, out SystemFault fault)
            ? fault
            : throw new UserErrorException($"--system-fault={name}: not a fault; one of {string.Join(", ", ByName.Keys)}.");
    }

    public static string NameOf(SystemFault fault) => ByName.First(p => p.Value == fault).Key;

    /// <summary>The guest step that must fail with the fault in; null for none.</summary>
    public static string? ExpectedStep(SystemFault fault) => fault switch
    {
        SystemFault.UnameOnlyPostinst => "dkms_built_for_mtcopy_kernel",
        SystemFault.KernelShipsModule => "dkms_module_single_owner",
        SystemFault.PurgeLeavesFile => "no_file_left_after_dkms_purge",
        _ => null,
    };
}
