using Mtcopy.Adapters.Sources;
using Mtcopy.Core.Series.Manifest;
using Mtcopy.Core.Sources;

namespace Mtcopy.Cli.Stages;

/// <summary>How a stage that handles several bases gets one: <see cref="BaseFetch.FetchAsync"/>, or small local trees in tests.</summary>
public delegate Task<FetchedBase> BaseFetcher(StageContext context, string kernel, CancellationToken cancellationToken);

/// <summary>Fetching a kernel base (for Fetch, and for the stages that handle several: Matrix, Rebase): pinned by the manifest, cached by content.</summary>
public static class BaseFetch
{
    /// <summary>Fetches <paramref name="kernel"/> (any --kernel= form); a Debian base uses the manifest's package, version and suite.</summary>
    public static async Task<FetchedBase> FetchAsync(StageContext context, string kernel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        KernelSourceSpec spec = KernelSourceSpec.Parse(kernel);
        DebianPackagePin? pin = null;
        string? suite = null;
        if (spec is DebianPackageSource debian)
        {
            KernelBase? entry = context.Series.Manifest?.FindBase($"debian:{debian.Series}");
            pin = entry is null ? DebianPackagePin.DefaultFor(debian.Series) : new DebianPackagePin(entry.Package, entry.Version);
            suite = entry?.Suite;
        }

        var fetcher = new KernelFetcher(new SourceCache(context.Layout.CacheDir), context.Runner, context.Console.Note);
        FetchedBase fetched = await fetcher.FetchAsync(spec, pin, suite, cancellationToken).ConfigureAwait(false);
        foreach (string warning in fetched.Warnings)
        {
            context.Console.Warn(warning);
        }

        return fetched;
    }

    /// <summary>A directory name for a base: debian:6.12 → debian-6.12; a path or tarball → its name.</summary>
    public static string Slug(string kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        string name = kernel.StartsWith(KernelSourceSpec.DebianPrefix, StringComparison.Ordinal)
            ? kernel.Replace(':', '-')
            : Path.GetFileName(Path.TrimEndingDirectorySeparator(kernel.StartsWith(KernelSourceSpec.GitPrefix, StringComparison.Ordinal) ? kernel.Replace('@', '-') : kernel));
        var clean = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-')]).Trim('-', '.');
        return clean.Length == 0 ? "base" : clean;
    }
}
