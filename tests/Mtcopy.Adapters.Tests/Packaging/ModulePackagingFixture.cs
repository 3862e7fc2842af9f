using Mtcopy.Adapters.Packaging;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Tests.Packaging;

/// <summary>
/// Builds the real prebuilt-module packages (dpkg-deb, rpmbuild) of a compiled stand-in module, and
/// the DKMS packages, twice, into separate directories and a second apart, for the reproducibility
/// check, with a SOURCE_DATE_EPOCH later than the clock (a series dated ahead of the build machine):
/// rpmbuild's clamping of file times then does nothing, the specs must set them.
/// </summary>
public sealed class ModulePackagingFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new();

    public static KernelPackageModel Kernel { get; } = KernelPackageModel.Create(FakeModule.Release, "x86_64", "mtcopy", "0.1.0", 1);

    /// <summary>The last second of today (UTC): later than the clock, yet a changelog date rpmlint does not call future.</summary>
    public static long FutureEpoch { get; } = ((DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 86_400) * 86_400) + 86_399;

    public static DkmsPackageModel Dkms { get; } = new(PackagingFixture.Manifest, FutureEpoch);

    public static ModulePackageModel Model { get; } = new(PackagingFixture.Manifest, FutureEpoch, Kernel, isSigned: false,
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

    public ModulePackagesResult First { get; private set; } = null!;

    public ModulePackagesResult Second { get; private set; } = null!;

    public string Module { get; private set; } = null!;

    public PackagingResult DkmsFirst { get; private set; } = null!;

    public PackagingResult DkmsSecond { get; private set; } = null!;

    public RecordingRunner Runner { get; } = new();

    public async Task InitializeAsync()
    {
        Module = await FakeModule.CompileAsync(_temp);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        First = await new ModulePackageBuilder(Runner).BuildAsync(Request("one"));
        DkmsFirst = await new DkmsPackager(new RecordingRunner()).BuildAsync(PackagingFixture.Request(_temp, "dkms-one", Dkms));
        TimeSpan gap = TimeSpan.FromSeconds(1.1) - clock.Elapsed;
        if (gap > TimeSpan.Zero)
        {
            await Task.Delay(gap);
        }

        Second = await new ModulePackageBuilder(new RecordingRunner()).BuildAsync(Request("two"));
        DkmsSecond = await new DkmsPackager(new RecordingRunner()).BuildAsync(PackagingFixture.Request(_temp, "dkms-two", Dkms));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _temp.Dispose();

    private ModulePackagingRequest Request(string name) =>
        new(Model, Module, RepositoryFiles.Root, _temp.Combine(name, "out"), _temp.Combine(name, "scratch"), _temp.Combine(name, "logs"));
}
