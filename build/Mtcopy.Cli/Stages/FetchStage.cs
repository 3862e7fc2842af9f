using Mtcopy.Adapters.Sources;
using Mtcopy.Core.Sources;

namespace Mtcopy.Cli.Stages;

/// <summary>Fetch: turn --kernel= into a git repository and base commit, cached by content.</summary>
public sealed class FetchStage : IStage
{
    public const string StateName = "fetch";

    public string Name => StateName;

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        KernelSourceSpec spec = KernelSourceSpec.Parse(context.Options.Kernel);
        DebianPackagePin? pin = spec is DebianPackageSource debian ? PinFor(context, debian) : null;

        var fetcher = new KernelFetcher(new SourceCache(context.Layout.CacheDir), context.Console.Note);
        string? suite = spec is DebianPackageSource d ? context.Series.Manifest?.FindBase($"debian:{d.Series}")?.Suite : null;
        FetchedBase fetched = await fetcher.FetchAsync(spec, pin, suite, cancellationToken).ConfigureAwait(false);
        foreach (string warning in fetched.Warnings)
        {
            context.Console.Warn(warning);
        }

        StateFile.Write(context.Layout.StateDir, StateName, fetched);
        string message = $"{fetched.Description}: Linux {fetched.KernelVersion}, commit {fetched.CommitId[..12]}";
        var details = new Dictionary<string, string>
        {
            ["kernel"] = context.Options.Kernel,
            ["base_commit"] = fetched.CommitId,
            ["base_tree"] = fetched.TreeId,
            ["kernel_version"] = fetched.KernelVersion,
            ["cache_key"] = fetched.CacheKey,
        };
        return fetched.FromCache
            ? StageOutcome.Skip(message + " (already in the cache)") with { Details = details }
            : StageOutcome.Pass(message) with { Details = details };
    }

    /// <summary>The manifest pins the exact Debian package version it was tested with.</summary>
    private static DebianPackagePin PinFor(StageContext context, DebianPackageSource debian)
    {
        var kernelBase = context.Series.Manifest?.FindBase($"debian:{debian.Series}");
        return kernelBase is null
            ? DebianPackagePin.DefaultFor(debian.Series)
            : new DebianPackagePin(kernelBase.Package, kernelBase.Version);
    }
}
