using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.SystemTest;
using Mtcopy.Adapters.Tests.Packaging;
using Mtcopy.Cli.Stages;
using Mtcopy.Cli.Tests.Fixtures;
using Mtcopy.Core.SystemTest;

namespace Mtcopy.Cli.Tests.Stages;

/// <summary>
/// The SystemTest stage over a Debian guest that reports what the test tells it to (<see cref="StageContext.SystemGuest"/>),
/// after a fake kernel's Build and a Package state written here; the upgrade package and the test program are made for
/// real (dpkg-buildpackage, rpmbuild, gcc). The stage boots Debian's kernel, then the one the guest asks for, and its
/// verdict names the step the guest failed.
/// </summary>
public sealed class SystemTestStageTests : IDisposable
{
    private const string Release = "6.12.117-mtcopy";

    private const string StockRelease = "6.1.0-28-amd64";

    private const string FirstBoot = "# time install_kernel 31215 ms\nok 1 install_kernel\n# next-boot: mtcopy\n";

    private readonly StagePipeline pipeline = new();

    public void Dispose() => pipeline.Dispose();

    [Fact]
    public async Task A_step_the_guest_failed_fails_the_stage_and_is_named()
    {
        await PackagedAsync();
        var guest = new ScriptedSystemGuest(FirstBoot, "# time modprobe_dkms 120 ms\nnot ok 2 modprobe_dkms\n# next-boot: done\n");

        int exit = await RunAsync(guest);

        (string status, string message) = pipeline.Recorded(SystemTestStage.StateName);
        Assert.NotEqual(CliApp.ExitOk, exit);
        Assert.Equal("FAIL", status);
        Assert.Contains("system test (none): failed at step modprobe_dkms; 2 steps", message, StringComparison.Ordinal);
        Assert.Equal([(StockRelease, true), (Release, false)], guest.Boots);
    }

    [Fact]
    public async Task Every_step_passed_passes_with_the_packages_on_the_guests_disk()
    {
        await PackagedAsync();
        var guest = new ScriptedSystemGuest(FirstBoot, "# time modprobe_dkms 120 ms\nok 2 modprobe_dkms\n# next-boot: done\n");

        int exit = await RunAsync(guest);

        (string status, string message) = pipeline.Recorded(SystemTestStage.StateName);
        Assert.True(exit == CliApp.ExitOk, message + "\n" + pipeline.Harness.ConsoleText);
        Assert.Equal("PASS", status);
        Assert.Contains("system test (none): 2 steps passed", message, StringComparison.Ordinal);
        Assert.Equal([(StockRelease, true), (Release, false)], guest.Boots);
        Assert.Equal(
            ["contract", "dkms-version", $"linux-headers-{Release}_1_amd64.deb", $"linux-image-{Release}_1_amd64.deb", "mtcopy-dkms_0.1.0-1_all.deb",
             $"mtcopy-modules-{Release}_0.1.0-1_amd64.deb", "mtcopy-test", "release", "upgrade-version", "upgrade/mtcopy-dkms_0.1.1-1_all.deb"],
            guest.Payload.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Release + "\n", File.ReadAllText(guest.Payload["release"]));
    }

    [Fact]
    public async Task A_guest_that_powers_off_without_saying_what_next_fails_naming_the_boot()
    {
        await PackagedAsync();
        var guest = new ScriptedSystemGuest("# time install_kernel 31215 ms\nok 1 install_kernel\n");

        await RunAsync(guest);

        (string status, string message) = pipeline.Recorded(SystemTestStage.StateName);
        Assert.Equal("FAIL", status);
        Assert.Contains($"boot 1 ({StockRelease}): the guest powered off without saying what to boot next", message, StringComparison.Ordinal);
        Assert.Single(guest.Boots);
    }

    /// <summary>The fake kernel built, and what Package would have left: its state and the packages the guest installs.</summary>
    private async Task PackagedAsync()
    {
        await pipeline.BuildAsync();
        foreach (string dir in new[] { "templates", "packaging" })
        {
            CopyTree(RepositoryFiles.PathOf(dir), Path.Combine(pipeline.RepoRoot, dir));
        }

        BuiltVariant variant = StateFile.Read<BuildState>(pipeline.StateDir, BuildStage.StateName).Variants[0];
        File.WriteAllText(Path.Combine(variant.BuildDir, "mtcopy.ko"), "module\n");
        StateFile.Write(pipeline.StateDir, PackageStage.StateName, new PackageStage.State(variant.Name, Release, "sha", null));
        foreach (string deb in new[] { $"linux-image-{Release}_1_amd64.deb", $"linux-headers-{Release}_1_amd64.deb", "mtcopy-dkms_0.1.0-1_all.deb",
            $"mtcopy-modules-{Release}_0.1.0-1_amd64.deb" })
        {
            pipeline.WriteRepo("artifacts/packages/" + deb, deb);
        }
    }

    private Task<int> RunAsync(ISystemGuest guest)
    {
        StageContext context = pipeline.Context("systemtest");
        return CliApp.RunStageAsync(new SystemTestStage(),
            new StageContext(context.Options, context.Layout, new ProcessRunner(), context.Console, context.Metadata) { SystemGuest = guest },
            CancellationToken.None);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>A Debian guest with a stock kernel in /boot whose boots report <paramref name="reports"/>, one each, in order.</summary>
    private sealed class ScriptedSystemGuest(params string[] reports) : ISystemGuest
    {
        private readonly HashSet<string> boot = ["vmlinuz-" + StockRelease, "initrd.img-" + StockRelease, "vmlinuz-" + Release];

        /// <summary>Each boot's kernel release and whether it had an initrd.</summary>
        public List<(string Release, bool Initrd)> Boots { get; } = [];

        public IReadOnlyDictionary<string, string> Payload { get; private set; } = new Dictionary<string, string>();

        public Task<(string Path, bool Made)> EnsureRootAsync(SystemRootSpec spec, string cacheDir, string logPath, CancellationToken cancellationToken)
        {
            string tar = Path.Combine(Directory.CreateDirectory(cacheDir).FullName, spec.TarballName);
            File.WriteAllText(tar, "root\n");
            return Task.FromResult((tar, true));
        }

        public Task BuildImageAsync(string rootTar, string guestDir, IReadOnlyDictionary<string, string> payload, string staging, string image, string logPath,
            CancellationToken cancellationToken)
        {
            Assert.All(payload.Values, file => Assert.True(File.Exists(file), file));
            Payload = payload;
            File.WriteAllText(image, "disk\n");
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<string>> ListBootAsync(string image, string logPath, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>([.. boot]);

        public Task DumpBootFileAsync(string image, string name, string destination, string logPath, CancellationToken cancellationToken)
        {
            Assert.Contains(name, boot);
            File.WriteAllText(destination, name);
            return Task.CompletedTask;
        }

        public Task<SystemBootResult> BootAsync(SystemBoot settings, string logPath, TimeSpan timeout, CancellationToken cancellationToken)
        {
            Boots.Add((File.ReadAllText(settings.KernelPath)["vmlinuz-".Length..], settings.InitrdPath is not null));
            string report = reports[Boots.Count - 1];
            File.WriteAllText(settings.ReportLogPath, report);
            return Task.FromResult(new SystemBootResult(report, TimeSpan.FromSeconds(40), null));
        }
    }
}
