using Mtcopy.Adapters.Packaging;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Tests.Packaging;

/// <summary>
/// Builds the real prebuilt-module packages (dpkg-deb, rpmbuild) of a compiled stand-in module
/// twice, into separate directories and a second apart, for the reproducibility check.
/// </summary>
public sealed class ModulePackagingFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new();

    public static KernelPackageSpec Kernel { get; } = KernelPackageSpec.Create(FakeModule.Release, "x86_64", "mtcopy", "0.1.0", 1);

    public static ModulePackageModel Model { get; } = ModulePackageModel.Create(PackageModel.Create(PackagingFixture.Inputs), Kernel, isSigned: false);

    public ModulePackagesResult First { get; private set; } = null!;

    public ModulePackagesResult Second { get; private set; } = null!;

    public string Module { get; private set; } = null!;

    public RecordingRunner Runner { get; } = new();

    public async Task InitializeAsync()
    {
        Module = await FakeModule.CompileAsync(_temp);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        First = await new ModulePackageBuilder(Runner).BuildAsync(Request("one"));
        TimeSpan gap = TimeSpan.FromSeconds(1.1) - clock.Elapsed;
        if (gap > TimeSpan.Zero)
        {
            await Task.Delay(gap);
        }

        Second = await new ModulePackageBuilder(new RecordingRunner()).BuildAsync(Request("two"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _temp.Dispose();

    private ModulePackagingRequest Request(string name) =>
        new(Model, Module, RepositoryFiles.Root, _temp.Combine(name, "out"), _temp.Combine(name, "scratch"), _temp.Combine(name, "logs"));
}
