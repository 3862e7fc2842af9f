using Mtcopy.Adapters.Packaging;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Tests.Packaging;

/// <summary>
/// The package smoke with the real dkms, dpkg-deb and rpm, on the real DKMS and module packages and
/// stand-in kernel packages (headers .deb, kernel rpm) and an unpatched kernel's .config.
/// </summary>
public sealed class PackageSmokeTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new();
    private PackagingResult _dkms = null!;
    private ModulePackagesResult _modules = null!;
    private string _headersDeb = null!;
    private string _kernelRpm = null!;
    private UnpatchedKernel _unpatched = null!;

    public async Task InitializeAsync()
    {
        var runner = new RecordingRunner();
        string module = await FakeModule.CompileAsync(_temp);
        _dkms = await new DkmsPackager(runner).BuildAsync(PackagingFixture.Request(_temp, "dkms", PackagingFixture.Model));
        _modules = await new ModulePackageBuilder(runner).BuildAsync(new ModulePackagingRequest(
            ModulePackagingFixture.Model, module, RepositoryFiles.Root, _temp.Combine("modules", "out"), _temp.Combine("modules", "scratch")));
        _headersDeb = await FakeHeadersPackage.BuildAsync(_temp, FakeModule.Release, module);
        _kernelRpm = await FakeKernelRpm.BuildAsync(_temp, ModulePackagingFixture.Kernel);
        string unpatched = _temp.Combine("build-unpatched");
        Directory.CreateDirectory(unpatched);
        await File.WriteAllTextAsync(Path.Combine(unpatched, ".config"), "CONFIG_64BIT=y\nCONFIG_MODULES=y\n# CONFIG_MIGRATION is not set\n");
        _unpatched = new UnpatchedKernel(unpatched, "6.12.117", Reused: false);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Dkms_builds_installs_declines_the_unpatched_kernel_and_removing_leaves_nothing()
    {
        PackageSmokeReport report = await new DkmsPackageSmoke(new RecordingRunner()).RunAsync(DkmsRequest());

        Assert.True(report.Passed, report.Describe());
        Assert.Equal(
            ["deb/unpack_linux-headers-6.12.117-mtcopy", "deb/unpack_mtcopy-dkms", "deb/dkms_add", "deb/dkms_build_patched",
             "deb/dkms_install_patched", "deb/dkms_declines_unpatched", "deb/dkms_remove", "deb/purge_leaves_nothing"],
            report.Checks.Select(c => c.Name));
        Assert.Equal(PackageSmokeStatus.Declined, report.Checks.Single(c => c.Name == "deb/dkms_declines_unpatched").Status);
        Assert.Equal(["lib/", "lib/modules/", "usr/", "usr/src/", "var/", "var/lib/", "var/lib/dkms/"], report.ListingBefore);
        Assert.Equal(report.ListingBefore, report.ListingAfter);
        byte[] module = await File.ReadAllBytesAsync(report.DkmsModulePath!);
        Assert.True(ModuleInfo.IsFor(ModuleInfo.Vermagic(module), FakeModule.Release));
        Assert.False(ModuleSignature.IsSigned(module));
    }

    [Fact]
    public async Task With_a_key_dkms_signs_with_the_headers_sign_file_and_a_kernel_that_is_not_excluded_fails_the_decline_check()
    {
        var key = new ModuleSigningKey(_temp.Combine("key.pem"), _temp.Combine("cert.der"));
        await File.AppendAllTextAsync(Path.Combine(_unpatched.BuildDir, ".config"), "CONFIG_OFFC_MIGRATION=y\n");

        PackageSmokeReport report = await new DkmsPackageSmoke(new RecordingRunner()).RunAsync(DkmsRequest() with { SigningKey = key });

        Assert.Equal(PackageSmokeStatus.Passed, report.Checks.Single(c => c.Name == "deb/dkms_signed").Status);
        Assert.True(ModuleSignature.IsSigned(await File.ReadAllBytesAsync(report.DkmsModulePath!)));
        PackageSmokeCheck decline = report.Checks.Single(c => c.Name == "deb/dkms_declines_unpatched");
        Assert.Equal(PackageSmokeStatus.Failed, decline.Status);
        Assert.Contains("expected 77", decline.Detail, StringComparison.Ordinal);
        Assert.False(report.Passed);
    }

    [Fact]
    public async Task Rpms_show_their_files_requires_and_scriptlets_and_install_and_erase_in_a_scratch_root()
    {
        PackageSmokeReport report = await new RpmPackageSmoke(new RecordingRunner()).RunAsync(RpmRequest(_kernelRpm));

        Assert.True(report.Passed, report.Describe());
        Assert.Equal(
            ["rpm/kmod_files", "rpm/kmod_requires_exact_kernel", "rpm/kmod_meta_package", "rpm/kmod_scriptlets_run_depmod",
             "rpm/dkms_files_requires_scriptlets", "rpm/install_kernel_first", "rpm/install_kmod_next_to_kernel", "rpm/one_package_ships_the_module",
             "rpm/verify_after_kmod_install", "rpm/install_dkms_next_to_kernel", "rpm/verify_after_dkms_install", "rpm/erase_leaves_nothing"],
            report.Checks.Select(c => c.Name));
        Assert.Contains("usr/lib/modules/", report.ListingBefore);
        Assert.Empty(TreeListing.Added(report.ListingBefore, report.ListingAfter, ["var/lib/rpm/"]));
    }

    [Fact]
    public async Task A_kernel_rpm_that_ships_the_module_too_fails_the_ownership_check_naming_both()
    {
        string kernelWithModule = await FakeKernelRpm.BuildAsync(_temp, ModulePackagingFixture.Kernel, shipsModule: true);

        PackageSmokeReport report = await new RpmPackageSmoke(new RecordingRunner()).RunAsync(RpmRequest(kernelWithModule));

        PackageSmokeCheck owners = report.Checks.Single(c => c.Name == "rpm/one_package_ships_the_module");
        Assert.Equal(PackageSmokeStatus.Failed, owners.Status);
        Assert.Contains("kernel/drivers/migoffcopy/mtcopy/mtcopy.ko", owners.Detail, StringComparison.Ordinal);
        Assert.Contains("extra/mtcopy/mtcopy.ko", owners.Detail, StringComparison.Ordinal);
        Assert.False(report.Passed);
    }

    [Fact]
    public async Task A_kernel_deb_that_ships_the_module_too_fails_the_deb_ownership_check()
    {
        string clean = await FakeImagePackage.BuildAsync(_temp, FakeModule.Release, shipsModule: false);
        string shipping = await FakeImagePackage.BuildAsync(_temp, FakeModule.Release, shipsModule: true);

        PackageSmokeReport good = await new DkmsPackageSmoke(new RecordingRunner()).RunAsync(DkmsRequest() with { OwnershipDebs = (clean, _modules.Deb) });
        PackageSmokeReport bad = await new DkmsPackageSmoke(new RecordingRunner()).RunAsync(DkmsRequest() with { OwnershipDebs = (shipping, _modules.Deb) });

        Assert.Equal(PackageSmokeStatus.Passed, good.Checks.Single(c => c.Name == "deb/one_package_ships_the_module").Status);
        PackageSmokeCheck owners = bad.Checks.Single(c => c.Name == "deb/one_package_ships_the_module");
        Assert.Equal(PackageSmokeStatus.Failed, owners.Status);
        Assert.Contains(Path.GetFileName(shipping) + ": lib/modules/", owners.Detail, StringComparison.Ordinal);
    }

    private RpmSmokeRequest RpmRequest(string kernelRpm) => new(
        _temp.Combine("smoke"), kernelRpm, _modules.Rpm, _modules.KmodRpm, _dkms.Rpm, ModulePackagingFixture.Model, "/usr/src/mtcopy-0.1.0", _temp.Combine("logs"));

    private DkmsSmokeRequest DkmsRequest() => new(
        _temp.Combine("smoke"), _dkms.Deb, _headersDeb, PackagingFixture.Model, ModulePackagingFixture.Kernel, _unpatched, _temp.Combine("logs"))
    {
        ModuleCopyPath = _temp.Combine("dkms", "mtcopy.ko"),
    };
}
