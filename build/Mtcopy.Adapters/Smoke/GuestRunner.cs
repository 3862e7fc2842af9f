using System.Diagnostics;
using System.Text.RegularExpressions;
using Mtcopy.Adapters.Kernel;
using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Results;
using Mtcopy.Core.Smoke;
using Mtcopy.Core;

namespace Mtcopy.Adapters.Smoke;

/// <summary>
/// Runs the smoke guest: builds its test-only modules against a kernel (through the kernel-build step it is given, as
/// the series' modules are); compiles the static test program, writes
/// the initramfs, boots the kernel in qemu with a host-side timeout, then judges the KTAP file written through the
/// guest's second serial port (never the console). Writes
/// <c>&lt;out&gt;/smoke/&lt;config&gt;/{ktap.txt,console.log,junit.xml}</c>, plus the initramfs,
/// the test program and the logs of gcc and qemu.
/// </summary>
public sealed partial class GuestRunner(IProcessRunner runner) : IGuestRunner
{
    public const string KtapFileName = "ktap.txt";
    public const string ConsoleFileName = "console.log";
    public const string JunitFileName = "junit.xml";
    public const string InitramfsFileName = "initramfs.cpio.gz";
    public const string TestProgramFileName = "mtcopy-test";
    public const string CompileLogFileName = "mtcopy-test.log";
    public const string QemuLogFileName = "qemu.log";
    public const string InitScriptName = "init";
    public const string TestSourceName = "mtcopy-test.c";

    public static string SmokeDirectory(string outDir, string configName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        ArgumentNullException.ThrowIfNull(configName);
        if (!ConfigName().IsMatch(configName) || configName is "." or "..")
        {
            throw new UserErrorException(
                $"'{configName}' cannot name a smoke output directory: use letters, digits, '.', '_' and '-'.");
        }

        return Path.Combine(Path.GetFullPath(outDir), "smoke", configName);
    }

    /// <summary>Builds each test-only module in its own scratch directory with <paramref name="kernelBuild"/>; the .ko files.</summary>
    /// <exception cref="KernelBuildException">A module did not build; the message names its log.</exception>
    /// <exception cref="UserErrorException">A module directory built no .ko.</exception>
    public async Task<IReadOnlyList<string>> BuildTestModulesAsync(IKernelBuild kernelBuild, GuestTestModulesRequest request, Action<string>? onLine = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kernelBuild);
        ArgumentNullException.ThrowIfNull(request);
        var modules = new List<string>();
        foreach (string source in GuestTestModules.SourceDirectories(request.GuestSourceDir, Directory.Exists))
        {
            string name = Path.GetFileName(source);
            string scratch = Path.Combine(request.ScratchDir, name);
            string logPath = Path.Combine(request.LogDir, name, KernelBuild.ModuleLogFileName);
            IReadOnlyList<string> built = await kernelBuild.BuildModuleAsync(request.Tree, source, scratch, request.Pinned, logPath, onLine, cancellationToken)
                .ConfigureAwait(false);
            modules.AddRange(built.Count > 0
                ? built
                : throw new UserErrorException($"Building the test module in {source} left no .ko in {scratch}; see {logPath}."));
        }

        return modules;
    }

    /// <exception cref="UserErrorException">An input file is missing or the config name is unusable.</exception>
    /// <exception cref="ProcessFailedException">The test program did not compile (its log holds gcc's output).</exception>
    /// <exception cref="ProcessStartException">gcc or qemu is not installed.</exception>
    public async Task<GuestRunResult> RunAsync(GuestRunRequest request, Action<string>? onLine = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var total = Stopwatch.StartNew();
        string directory = SmokeDirectory(request.OutDir, request.ConfigName);
        string initScript = Path.Combine(request.GuestSourceDir, InitScriptName);
        string testSource = Path.Combine(request.GuestSourceDir, TestSourceName);
        RequireFiles(request, initScript, testSource);
        Directory.CreateDirectory(directory);
        string ktapPath = Path.Combine(directory, KtapFileName);
        string consolePath = Path.Combine(directory, ConsoleFileName);
        string junitPath = Path.Combine(directory, JunitFileName);
        string initramfsPath = Path.Combine(directory, InitramfsFileName);
        string testProgram = Path.Combine(directory, TestProgramFileName);
        foreach (string stale in new[] { ktapPath, consolePath, junitPath, Path.Combine(directory, CompileLogFileName), Path.Combine(directory, QemuLogFileName) })
        {
            File.Delete(stale);
        }

        await runner.RunAsync(
            new ProcessSpec(request.CompilerProgram, GuestTestProgram.CompileArguments(Path.GetFullPath(testSource), testProgram))
            {
                LogPath = Path.Combine(directory, CompileLogFileName),
                OnLine = onLine,
            },
            cancellationToken).ConfigureAwait(false);

        InitramfsPlan plan = SmokeInitramfs.Plan(new SmokeGuestFiles(
            Path.GetFullPath(initScript), request.BusyboxPath, testProgram, Path.GetFullPath(request.ModulePath), request.ContractText)
        {
            DkmsModulePath = request.DkmsModulePath is null ? null : Path.GetFullPath(request.DkmsModulePath),
            TestModulePaths = [.. request.TestModulePaths.Select(Path.GetFullPath)],
        });
        WriteInitramfs(plan, initramfsPath, request.ArchiveMtime);

        var settings = new QemuSettings(Path.GetFullPath(request.KernelImagePath), initramfsPath, consolePath, ktapPath)
        {
            Program = request.QemuProgram,
            MemoryPerNodeMiB = request.MemoryPerNodeMiB,
            Nodes = request.Nodes,
            Vcpus = request.Vcpus,
            ExtraKernelArgs = request.ExtraKernelArgs,
            Timeout = request.Timeout,
        };
        SmokeEvidence evidence = await BootAsync(request.ConfigName, settings, directory, onLine, cancellationToken).ConfigureAwait(false);

        total.Stop();
        SmokeReport report = SmokeEvaluator.Evaluate(evidence with
        {
            KtapText = File.Exists(ktapPath) ? await File.ReadAllTextAsync(ktapPath, cancellationToken).ConfigureAwait(false) : null,
            ConsoleText = File.Exists(consolePath) ? await File.ReadAllTextAsync(consolePath, cancellationToken).ConfigureAwait(false) : null,
            TotalDuration = total.Elapsed,
        });
        AtomicFile.WriteAllText(junitPath, JunitWriter.Write(request.ConfigName, report.Ktap, report.GuestFailure));
        return new GuestRunResult(report, directory, ktapPath, consolePath, junitPath, initramfsPath);
    }

    private async Task<SmokeEvidence> BootAsync(string configName, QemuSettings settings, string directory, Action<string>? onLine, CancellationToken cancellationToken)
    {
        var spec = new ProcessSpec(settings.Program, QemuCommand.Arguments(settings))
        {
            LogPath = Path.Combine(directory, QemuLogFileName),
            OnLine = onLine,
            Timeout = settings.Timeout,
            ThrowOnNonZeroExit = false,
        };
        var clock = Stopwatch.StartNew();
        try
        {
            ProcessResult result = await runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
            return new SmokeEvidence(configName)
            {
                QemuExitCode = result.ExitCode,
                QemuOutput = result.OutputTail,
                GuestDuration = result.Duration,
                Timeout = settings.Timeout,
            };
        }
        catch (ProcessTimedOutException e)
        {
            return new SmokeEvidence(configName)
            {
                TimedOut = true,
                QemuOutput = e.OutputTail,
                GuestDuration = clock.Elapsed,
                Timeout = settings.Timeout,
            };
        }
    }

    private static void WriteInitramfs(InitramfsPlan plan, string path, DateTimeOffset mtime)
    {
        IReadOnlyList<CpioEntry> entries = plan.ToEntries(host => File.ReadAllBytes(host));
        string temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            InitramfsArchive.WriteGzip(stream, entries, mtime);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static void RequireFiles(GuestRunRequest request, string initScript, string testSource)
    {
        foreach ((string? path, string what) in request.TestModulePaths.Select(m => ((string?)m, "test module")).Concat(new[]
        {
            (request.KernelImagePath, "kernel image (build the kernel first: arch/x86/boot/bzImage)"),
            (request.ModulePath, "module (build mtcopy.ko first)"),
            (request.DkmsModulePath, "second module build"),
            (request.BusyboxPath, "busybox binary (install busybox-static)"),
            (initScript, "guest init script (tests/guest/init)"),
            (testSource, "guest test program source (tests/guest/mtcopy-test.c)"),
        }))
        {
            if (path is not null && !File.Exists(path))
            {
                throw new UserErrorException($"The {what} is missing: {Path.GetFullPath(path)}.");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex ConfigName();
}
