using Mtcopy.Adapters.Kernel;
using Mtcopy.Adapters.Packaging;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Core.Kernel;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Tests.Packaging;

public sealed class KernelPackageBuilderTests : IDisposable
{
    private readonly FakePackagingTree _tree = new();

    private static KernelPackageModel Spec => KernelPackageModel.Create(FakePackagingTree.Release, "x86_64", "mtcopy", "0.1.0", 1);

    public void Dispose() => _tree.Dispose();

    [Fact]
    public async Task Both_targets_run_and_their_packages_are_moved_into_the_output_directory()
    {
        KernelPackagesResult result = await new KernelPackageBuilder(new RecordingRunner()).BuildAsync(Request());

        Assert.Equal(Spec.DebFiles.Concat(Spec.RpmFiles).Select(f => Path.Combine(_tree.OutputDir, f)), result.Packages);
        Assert.All(result.Packages, p => Assert.True(File.Exists(p), p));
        Assert.Equal("linux-image-6.12.117-mtcopy 6.12.117+mtcopy.0.1.0-1 #1", File.ReadAllText(result.Debs[0]).Trim());
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(_tree.BuildDir)!));
        Assert.True(File.Exists(Path.Combine(_tree.LogDir, "linux-mtcopy_6.12.117+mtcopy.0.1.0-1_amd64.changes")));
        Assert.Equal(["bindeb-pkg x86_64 LOCALVERSION=", "binrpm-pkg x86_64 LOCALVERSION="], _tree.Calls());
    }

    [Fact]
    public async Task The_rpm_release_is_the_build_number_even_after_earlier_packaging_runs()
    {
        File.WriteAllText(Path.Combine(_tree.BuildDir, ".version"), "7\n");

        KernelPackagesResult result = await new KernelPackageBuilder(new RecordingRunner()).BuildAsync(Request());

        Assert.Equal("kernel-6.12.117_mtcopy-1.x86_64.rpm", Path.GetFileName(result.Rpms[0]));
        Assert.Contains("--define='_buildhost reproducible'", File.ReadAllText(result.Rpms[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relinked_kernel_is_an_error_as_the_packages_would_not_hold_the_tested_one()
    {
        var runner = new RecordingRunner(new Dictionary<string, string?> { ["FAKE_RELINK"] = "1" });

        var e = await Assert.ThrowsAsync<KernelPackagingException>(() => new KernelPackageBuilder(runner).BuildAsync(Request()));

        Assert.Contains("relinked the kernel", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_package_the_target_did_not_write_is_named()
    {
        var runner = new RecordingRunner(new Dictionary<string, string?> { ["FAKE_SKIP"] = "headers" });

        var e = await Assert.ThrowsAsync<KernelPackagingException>(() => new KernelPackageBuilder(runner).BuildAsync(Request()));

        Assert.Contains("linux-headers-6.12.117-mtcopy_6.12.117+mtcopy.0.1.0-1_amd64.deb", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_target_is_a_kernel_build_error_with_its_log()
    {
        var runner = new RecordingRunner(new Dictionary<string, string?> { ["FAKE_FAIL"] = "deb" });

        var e = await Assert.ThrowsAsync<KernelBuildException>(() => new KernelPackageBuilder(runner).BuildAsync(Request()));

        Assert.Equal("bindeb-pkg", e.Step);
        Assert.Equal(Path.Combine(_tree.LogDir, KernelPackageBuilder.DebLogFileName), e.LogPath);
    }

    [Fact]
    public async Task Without_a_built_kernel_there_is_nothing_to_package()
    {
        File.Delete(Path.Combine(_tree.BuildDir, "vmlinux"));

        var e = await Assert.ThrowsAsync<KernelPackagingException>(() => new KernelPackageBuilder(new RecordingRunner()).BuildAsync(Request()));

        Assert.Contains("build the kernel", e.Message, StringComparison.Ordinal);
        Assert.Empty(_tree.Calls());
    }

    private KernelPackagingRequest Request() => new(
        _tree.Tree,
        Spec,
        new PackageMaintainer("Mtcopy Developers", "mtcopy@example.org"),
        new KbuildPinnedEnvironment(DateTimeOffset.FromUnixTimeSeconds(1_735_689_600), "mtcopy", "mtcopy-build"),
        1_735_689_600,
        _tree.OutputDir,
        _tree.LogDir);
}
