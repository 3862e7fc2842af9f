using Mtcopy.Adapters.Sources;

namespace Mtcopy.Adapters.Tests.Sources;

/// <summary>A temporary workspace with a cache and a fetcher that runs real tools but refuses apt.</summary>
internal sealed class FetchTestContext : IDisposable
{
    private readonly TempDirectory temp = new();

    public FetchTestContext()
    {
        Runner = new NoAptRunner();
        Cache = new SourceCache(temp.Combine("cache"));
        Fetcher = NewFetcher(Cache);
    }

    public string Root => temp.Path;

    public SourceCache Cache { get; }

    public NoAptRunner Runner { get; }

    public KernelFetcher Fetcher { get; }

    public List<string> ArchiveDirectories { get; } = [];

    public string Combine(params string[] parts) => temp.Combine(parts);

    public KernelFetcher NewFetcher(SourceCache cache) =>
        new(cache, Runner, progress: null, isPrivileged: () => false, ArchiveDirectories);

    public string[] BaseEntries() =>
        Directory.Exists(Cache.BasesDirectory) ? Directory.GetFileSystemEntries(Cache.BasesDirectory).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal).ToArray() : [];

    public void Dispose() => temp.Dispose();
}
