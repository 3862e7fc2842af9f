using Mtcopy.Core;

namespace Mtcopy.Core.Smoke;

/// <summary>
/// The smoke guest's initramfs: <c>/init</c> (tests/guest/init), busybox-static as
/// <c>/bin/busybox</c>, the static test program, the module, the mount points init needs,
/// <c>/dev/console</c> (c 5 1: the kernel opens it for init's stdio before devtmpfs is mounted)
/// and the contract file, plus the test-only modules (<see cref="TestModulePath"/>). There is deliberately no <c>/bin/sh</c>: when <c>/init</c> cannot be
/// executed the kernel falls back to <c>/bin/sh</c>, and a shell waiting on the console would
/// hang until the host timeout instead of panicking at once (init installs the applets itself).
/// </summary>
public static class SmokeInitramfs
{
    public const string InitPath = "/init";
    public const string BusyboxPath = "/bin/busybox";
    public const string TestProgramPath = "/bin/mtcopy-test";
    public const string ModulePath = "/lib/modules/mtcopy.ko";
    public const string DkmsModulePath = "/lib/modules/dkms/mtcopy.ko";
    public const string ContractPath = "/etc/mtcopy/contract";
    public const string ConsolePath = "/dev/console";
    public const string ModuleDirectory = "/lib/modules";

    private const int StickyWorldWritable = 0b1_111_111_111; // 01777
    private const int OwnerReadWrite = 0b110_000_000; // 0600

    public static InitramfsPlan Plan(SmokeGuestFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var items = new List<InitramfsItem>
        {
            InitramfsItem.Directory("/bin"),
            InitramfsItem.Directory("/dev"),
            InitramfsItem.Directory("/etc"),
            InitramfsItem.Directory("/etc/mtcopy"),
            InitramfsItem.Directory("/lib"),
            InitramfsItem.Directory("/lib/modules"),
            InitramfsItem.Directory("/proc"),
            InitramfsItem.Directory("/sys"),
            InitramfsItem.Directory("/tmp", StickyWorldWritable),
            InitramfsItem.CharDevice(ConsolePath, OwnerReadWrite, 5, 1),
            InitramfsItem.HostFile(InitPath, files.InitScriptPath, InitramfsItem.Executable),
            InitramfsItem.HostFile(BusyboxPath, files.BusyboxPath, InitramfsItem.Executable),
            InitramfsItem.HostFile(TestProgramPath, files.TestProgramPath, InitramfsItem.Executable),
            InitramfsItem.HostFile(ModulePath, files.ModulePath, InitramfsItem.Readable),
        };
        var testModules = new HashSet<string>(StringComparer.Ordinal) { ModulePath };
        foreach (string module in files.TestModulePaths)
        {
            string target = TestModulePath(module);
            if (!testModules.Add(target))
            {
                throw new UserErrorException($"The test module {module} would replace {target} in the guest: give each module its own name.");
            }

            items.Add(InitramfsItem.HostFile(target, module, InitramfsItem.Readable));
        }

        items.Add(InitramfsItem.InlineText(ContractPath, files.ContractText));
        if (files.DkmsModulePath is { } dkms)
        {
            items.Add(InitramfsItem.Directory("/lib/modules/dkms"));
            items.Add(InitramfsItem.HostFile(DkmsModulePath, dkms, InitramfsItem.Readable));
        }

        return new InitramfsPlan(items);
    }

    /// <summary>Where a test-only module goes in the guest: <c>/lib/modules/&lt;file name&gt;</c> (e.g. offc_test.ko).</summary>
    public static string TestModulePath(string hostPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostPath);
        string name = Path.GetFileName(hostPath);
        if (!name.EndsWith(".ko", StringComparison.Ordinal) || name.Length == 3)
        {
            throw new UserErrorException($"The test module {hostPath} is not a kernel module (*.ko).");
        }

        return ModuleDirectory + "/" + name;
    }
}
