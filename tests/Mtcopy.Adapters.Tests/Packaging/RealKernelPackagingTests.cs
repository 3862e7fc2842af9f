using System.Globalization;
using System.Text.Json;
using Mtcopy.Adapters.Packaging;
using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Results;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Core.Kernel;
using Mtcopy.Core.Packaging;
using Xunit.Abstractions;

namespace Mtcopy.Adapters.Tests.Packaging;

/// <summary>
/// The kernel's own bindeb-pkg and binrpm-pkg, run twice on the kernel the pipeline built: the packages
/// must come out byte-identical. The build directory is the pipeline's; only its packaging leftovers change.
/// </summary>
public sealed class RealKernelPackagingTests(ITestOutputHelper output)
{
    // 2030-01-01: later than the clock, so dpkg-deb's own clamping of newer mtimes cannot be what pins them.
    private const long FutureEpoch = 1_893_456_000;

    [RealKernelPackagingFact]
    public async Task Kernel_debs_and_rpms_rebuild_byte_identical()
    {
        using var temp = new TempDirectory();
        long built = BuildEpoch();
        long epoch = Math.Min(built, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60);

        KernelPackagesResult first = await PackAsync(temp, "first", built, epoch);
        KernelPackagesResult second = await PackAsync(temp, "second", built, epoch);

        AssertIdentical(first.Packages, second.Packages);
    }

    [RealKernelPackagingFact]
    public async Task Kernel_debs_rebuild_byte_identical_even_when_the_epoch_is_later_than_the_clock()
    {
        using var temp = new TempDirectory();
        long built = BuildEpoch();

        KernelPackagesResult first = await PackAsync(temp, "first", built, FutureEpoch);
        KernelPackagesResult second = await PackAsync(temp, "second", built, FutureEpoch);

        // rpm itself stamps %ghost entries and build-id links with the clock; only clamping (an epoch
        // in the past) pins those, so here the .deb files are the claim.
        AssertIdentical(first.Debs, second.Debs);
    }

    // builtEpoch: the kernel's KBUILD_BUILD_TIMESTAMP (make must find it up to date); epoch: the packages' SOURCE_DATE_EPOCH.
    private async Task<KernelPackagesResult> PackAsync(TempDirectory temp, string name, long builtEpoch, long epoch)
    {
        string build = Path.GetFullPath(Fixtures.TestGate.Required("MTCOPY_KERNEL_BUILD", "MTCOPY_PACKAGING_TESTS"));
        string source = Path.Combine(Path.GetDirectoryName(build)!, "linux");
        string release = (await File.ReadAllTextAsync(Path.Combine(build, "include", "config", "kernel.release"))).Trim();
        var pinned = new KbuildPinnedEnvironment(DateTimeOffset.FromUnixTimeSeconds(builtEpoch), "mtcopy", "mtcopy-build");
        var request = new KernelPackagingRequest(
            new KbuildTree(source, build, "x86_64") { ExtraVariables = BuildMakeVariables() },
            KernelPackageModel.Create(release, "x86_64", "mtcopy", "0.1.0", pinned.BuildVersion),
            new PackageMaintainer("Mtcopy Developers", "mtcopy@example.org"),
            pinned,
            epoch,
            temp.Combine(name),
            temp.Combine(name + "-logs"))
        {
            Jobs = Environment.ProcessorCount,
        };
        var started = DateTimeOffset.UtcNow;
        KernelPackagesResult result = await new KernelPackageBuilder(new ProcessRunner()).BuildAsync(request);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {result.Packages.Count} packages in {(DateTimeOffset.UtcNow - started).TotalSeconds:0} s (SOURCE_DATE_EPOCH {epoch})"));
        return result;
    }

    private void AssertIdentical(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        Assert.Equal(first.Select(Path.GetFileName), second.Select(Path.GetFileName));
        Assert.NotEmpty(first);
        foreach ((string a, string b) in first.Zip(second))
        {
            output.WriteLine($"{Path.GetFileName(a)}: {FileHash.Sha256(a)[..12]} / {FileHash.Sha256(b)[..12]}");
        }

        Assert.All(first.Zip(second), pair => Assert.True(File.ReadAllBytes(pair.First).AsSpan().SequenceEqual(File.ReadAllBytes(pair.Second)),
            $"{Path.GetFileName(pair.First)} differs between two runs"));
    }

    // The epoch the pipeline built this kernel with (its KBUILD_BUILD_TIMESTAMP): <out>/state/build.json.
    private static long BuildEpoch()
    {
        using JsonDocument json = BuildStateJson();
        return json.RootElement.GetProperty("source_date_epoch").GetInt64();
    }

    // The make variables the pipeline built with (CC=ccache gcc, LOCALVERSION=, ...): any other command line and
    // kbuild rebuilds, which KernelPackageBuilder rightly refuses.
    private static string[] BuildMakeVariables()
    {
        using JsonDocument json = BuildStateJson();
        return [.. json.RootElement.GetProperty("make_variables").EnumerateArray().Select(v => v.GetString()!)];
    }

    private static JsonDocument BuildStateJson()
    {
        string build = Path.GetFullPath(Fixtures.TestGate.Required("MTCOPY_KERNEL_BUILD", "MTCOPY_PACKAGING_TESTS"));
        string state = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(build)!)!, "state", "build.json");
        return JsonDocument.Parse(File.ReadAllText(state));
    }
}
