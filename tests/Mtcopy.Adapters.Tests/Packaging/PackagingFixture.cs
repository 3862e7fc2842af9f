using Mtcopy.Adapters.Packaging;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Core.Packaging;
using Mtcopy.Core.Series.Manifest;
using Mtcopy.Core.Tests.Packaging;

namespace Mtcopy.Adapters.Tests.Packaging;

/// <summary>
/// Builds the real packages (dpkg-deb and rpmbuild on the repository's kmod-src and
/// templates) once per test class, twice into separate directories for the reproducibility check.
/// </summary>
public sealed class PackagingFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new();

    /// <summary>The packaged values of patches/manifest.yaml (the golden files' sample, with the manifest's homepage).</summary>
    public static SeriesManifest Manifest { get; } = SampleInputs.Manifest with
    {
        Packages = SampleInputs.Manifest.Packages! with { Homepage = "https://example.org/mtcopy" },
    };

    /// <summary>The DKMS packages of <see cref="Manifest"/>, dated 2025-01-01.</summary>
    public static DkmsPackageModel Model { get; } = new(Manifest, 1_735_689_600);

    public PackagingResult First { get; private set; } = null!;

    public PackagingResult Second { get; private set; } = null!;

    /// <summary>The processes the first build ran.</summary>
    public RecordingRunner Runner { get; } = new();

    public async Task InitializeAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        First = await new DkmsPackager(Runner).BuildAsync(Request(_temp, "one", Model));

        // Build the second set in a later second, so a wall-clock time leaking into a package shows.
        TimeSpan gap = TimeSpan.FromSeconds(1.1) - clock.Elapsed;
        if (gap > TimeSpan.Zero)
        {
            await Task.Delay(gap);
        }

        Second = await new DkmsPackager(new RecordingRunner()).BuildAsync(Request(_temp, "two", Model));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _temp.Dispose();

    public static PackagingRequest Request(TempDirectory temp, string name, DkmsPackageModel model, string? repositoryRoot = null) => new(
        model,
        repositoryRoot ?? RepositoryFiles.Root,
        RepositoryFiles.PathOf("kmod-src"),
        temp.Combine(name, "out"),
        temp.Combine(name, "scratch"),
        temp.Combine(name, "logs"));
}
