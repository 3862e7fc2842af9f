using System.Runtime.CompilerServices;
using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Smoke;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Core.Series.Manifest;
using Mtcopy.Core.Smoke;
using Xunit.Abstractions;

namespace Mtcopy.Adapters.Tests.Smoke;

/// <summary>The whole smoke stage against a real kernel build (about 15 s under TCG).</summary>
public sealed class RealGuestTests(ITestOutputHelper output)
{
    [GuestFact]
    public async Task Real_kernel_passes_the_smoke_guest()
    {
        using var temp = new TempDirectory();

        SmokeReport report = await RunAsync(temp, []);

        Assert.Equal(SmokeVerdict.Pass, report.Verdict);
        Assert.Equal(14, report.Tests.Count);
        Assert.True(report.Ktap.AllTests().Count() > 100);
    }

    [GuestFact]
    public async Task Real_kernel_without_an_init_panics_and_the_report_says_so()
    {
        using var temp = new TempDirectory();

        // A later rdinit= wins. The kernel then tries /sbin/init ... /bin/sh; the initramfs has
        // none of them (a /bin/sh would wait on the console until the host timeout).
        SmokeReport report = await RunAsync(temp, ["rdinit=/does-not-exist"]);

        Assert.Equal(SmokeVerdict.Panic, report.Verdict);
        Assert.Contains("Kernel panic - not syncing", report.Summary, StringComparison.Ordinal);
        Assert.NotEmpty(report.ConsoleTail);
        Assert.Contains("no KTAP output", report.Summary, StringComparison.Ordinal);
    }

    [GuestFact]
    public async Task Migrator_that_drops_a_byte_of_every_copy_fails_and_the_report_names_the_offloaded_cases()
    {
        using var temp = new TempDirectory();
        string module = await BuildModuleAsync(temp, Path.Combine(RepositoryRoot(), "kmod-src"), ["KCFLAGS=-DMTCOPY_FAULT_SKIP_TAIL=1"]);

        SmokeReport report = await RunAsync(temp, [], module);

        Assert.Equal(SmokeVerdict.Fail, report.Verdict);
        // Batches of 2 MiB and more with two threads or more: the migrator copies them.
        Assert.Contains("migrate/thp_x1_threads2_offload_on", report.FailedNames);
        Assert.Contains("migrate/4k_x512_threads8_offload_on", report.FailedNames);
        // One thread, a batch below the offload minimum, or offloading off: the kernel copies.
        Assert.DoesNotContain("migrate/thp_x1_threads1_offload_on", report.FailedNames);
        Assert.DoesNotContain("migrate/4k_x7_threads8_offload_on", report.FailedNames);
        Assert.DoesNotContain(report.FailedNames, n => n.EndsWith("_offload_off", StringComparison.Ordinal));
    }

    [GuestFact]
    public async Task Test_migrator_that_returns_garbage_as_success_fails_the_fallback_check()
    {
        using var temp = new TempDirectory();

        // mtcopy.control=lie: the test migrator scribbles and returns 0, as if the kernel
        // trusted a failed copy; the byte check of the fallback case must catch it.
        SmokeReport report = await RunAsync(temp, ["mtcopy.control=lie"]);

        Assert.Equal(SmokeVerdict.Fail, report.Verdict);
        Assert.Contains("offc_error_falls_back_to_cpu_copy", report.FailedNames);
        Assert.DoesNotContain("offc_stop_inactive_is_harmless", report.FailedNames);
    }

    [GuestFact]
    public async Task Test_migrator_whose_stop_does_not_wait_fails_the_in_flight_check()
    {
        using var temp = new TempDirectory();

        // mtcopy.control=fake_stop: "stop" returns without stop_offloading(), a copy still sleeping.
        SmokeReport report = await RunAsync(temp, ["mtcopy.control=fake_stop"]);

        Assert.Equal(SmokeVerdict.Fail, report.Verdict);
        Assert.Contains("offc_stop_waits_for_copy_in_flight", report.FailedNames);
        Assert.DoesNotContain("offc_error_falls_back_to_cpu_copy", report.FailedNames);
    }

    [GuestFact]
    public async Task Module_that_oopses_on_load_fails_and_the_report_names_the_load_and_dmesg_checks()
    {
        using var temp = new TempDirectory();
        string module = await BuildModuleAsync(temp, Path.Combine(RepositoryRoot(), "tests", "guest", "oops"), []);

        SmokeReport report = await RunAsync(temp, [], module);

        Assert.NotEqual(SmokeVerdict.Pass, report.Verdict);
        Assert.Contains("module_load", report.FailedNames);
        Assert.Contains("dmesg_clean", report.FailedNames);
    }

    private static async Task<string> BuildModuleAsync(TempDirectory temp, string source, IReadOnlyList<string> variables)
    {
        string build = Fixtures.TestGate.Required("MTCOPY_KERNEL_BUILD", "MTCOPY_GUEST_TESTS");
        var result = await new Mtcopy.Adapters.Kernel.KernelBuilder(new ProcessRunner()).BuildExternalModuleAsync(
            new Mtcopy.Adapters.Kernel.ModuleBuildRequest(build, source, Path.Combine(temp.Path, "logs"))
            {
                OutDir = Path.Combine(temp.Path, "module"),
                ExtraVariables = variables,
            });
        return Assert.Single(result.Modules);
    }

    private async Task<SmokeReport> RunAsync(TempDirectory temp, IReadOnlyList<string> extraKernelArgs, string? moduleOverride = null)
    {
        string build = Fixtures.TestGate.Required("MTCOPY_KERNEL_BUILD", "MTCOPY_GUEST_TESTS");
        string module = moduleOverride ?? (Environment.GetEnvironmentVariable("MTCOPY_GUEST_MODULE") is { Length: > 0 } given
            ? given
            : Path.Combine(build, "drivers", "migoffcopy", "mtcopy", "mtcopy.ko"));
        var request = new GuestRunRequest("real", temp.Path, Path.Combine(build, "arch", "x86", "boot", "bzImage"), module, GuestSourceDir())
        {
            ContractText = ContractFromManifest(),
            ExtraKernelArgs = extraKernelArgs,
            KernelBuildDir = build,
        };

        GuestRunResult result = await new GuestRunner(new ProcessRunner()).RunAsync(request);

        SmokeReport report = result.Report;
        output.WriteLine($"{report.Verdict}: {report.Summary}");
        foreach (string line in report.ConsoleTail.TakeLast(10).Concat(report.ConsoleHighlights))
        {
            output.WriteLine(line);
        }

        return report;
    }

    // The contract the guest's sysfs test checks, as the pipeline renders it from patches/manifest.yaml.
    private static string ContractFromManifest()
    {
        SeriesManifest manifest = ManifestLoader.Load(Path.Combine(RepositoryRoot(), "patches", "manifest.yaml"));
        return SysfsContractFile.Render(manifest.Modules.Select(m => m.Sysfs).OfType<SysfsSpec>().Single());
    }

    private static string GuestSourceDir() => Path.Combine(RepositoryRoot(), "tests", "guest");

    private static string RepositoryRoot([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));
}
