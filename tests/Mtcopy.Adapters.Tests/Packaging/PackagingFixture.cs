using Mtcopy.Adapters.Packaging;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Tests.Packaging;

/// <summary>
/// Builds the real packages (dpkg-deb and rpmbuild on the repository's kmod-src and
/// templates) once per test class, twice into separate directories for the reproducibility check.
/// </summary>
public sealed class PackagingFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new();

    public static PackageInputs Inputs { get; } = new()
    {
        Name = "mtcopy",
        Version = "0.1.0",
        ModuleName = "mtcopy",
        Maintainer = "Mtcopy Developers <mtcopy@example.org>",
        License = "GPL-2.0-only",
        Summary = "Multi-threaded page copy for batched page migration",
        Homepage = "https://example.org/mtcopy",
        DkmsDeb = "mtcopy-dkms",
        DkmsRpm = "dkms-mtcopy",
        ModulesDeb = "mtcopy-modules",
        ModulesRpm = "kmod-mtcopy",
        RequiredKernelConfig = ["CONFIG_OFFC_MIGRATION"],
        SourceDateEpoch = 1_735_689_600,
    };

    public PackagingResult First { get; private set; } = null!;

    public PackagingResult Second { get; private set; } = null!;

    /// <summary>The processes the first build ran.</summary>
    public RecordingRunner Runner { get; } = new();

    public async Task InitializeAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        First = await new DkmsPackager(Runner).BuildAsync(Request(_temp, "one", Inputs));

        // Build the second set in a later second, so a wall-clock time leaking into a package shows.
        TimeSpan gap = TimeSpan.FromSeconds(1.1) - clock.Elapsed;
        if (gap > TimeSpan.Zero)
        {
            await Task.Delay(gap);
        }

        Second = await new DkmsPackager(new RecordingRunner()).BuildAsync(Request(_temp, "two", Inputs));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _temp.Dispose();

    public static PackagingRequest Request(TempDirectory temp, string name, PackageInputs inputs, string? repositoryRoot = null) => new(
        inputs,
        repositoryRoot ?? RepositoryFiles.Root,
        RepositoryFiles.PathOf("kmod-src"),
        temp.Combine(name, "out"),
        temp.Combine(name, "scratch"),
        temp.Combine(name, "logs"));
}
