using System.Globalization;
using System.Runtime.CompilerServices;
using Mtcopy.Adapters.Git;
using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Rebase;
using Mtcopy.Adapters.Results;
using Mtcopy.Adapters.Sources;
using Mtcopy.Core;
using Mtcopy.Core.Matrix;
using Mtcopy.Core.Patching;
using Mtcopy.Core.Series;
using Mtcopy.Core.Series.Manifest;
using Mtcopy.Core.Sources;

namespace Mtcopy.Cli.Stages;

/// <summary>
/// Matrix: the series against every base of --kernels (Debian series, paths, tarballs, git remotes).
/// Per base: fetch (cached by content), apply into its own worktree under &lt;out&gt;/matrix/&lt;base&gt;/
/// (offset, then three-way), and when every patch applied, configure, build and smoke-test it. A base whose
/// manifest entry names a variant of the series (<c>bases[].series</c>) gets a second row: the variant, applied
/// under &lt;out&gt;/matrix/&lt;base&gt;-&lt;variant&gt;/ and built and smoke-tested the same way.
/// Writes &lt;out&gt;/matrix.json and matrix.md after each row and prints the table. A conflict is a
/// result, not a crash: the stage fails only when a row the project claims does not pass (<see cref="MatrixVerdict"/>):
/// the manifest's default base, or a variant.
/// </summary>
public sealed class MatrixStage(BaseFetcher? fetchBase = null) : IStage
{
    private readonly BaseFetcher fetch = fetchBase ?? BaseFetch.FetchAsync;

    public const string StateName = "matrix";
    public const string JsonFileName = "matrix.json";
    public const string MarkdownFileName = "matrix.md";

    public string Name => StateName;

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        IReadOnlyList<string> kernels = Kernels(context.Options);
        SeriesSource series = context.Series;
        MatrixSeries primary = MatrixSeries.Load(null, series, context.Layout.SeriesDir);
        // Every variant is read before the first base runs: a broken one stops the stage now, not after an hour of builds.
        var variants = new Dictionary<string, MatrixSeries>(StringComparer.Ordinal);
        foreach (string kernel in kernels)
        {
            if (series.Manifest?.FindBase(kernel) is { Series: { } variant } entry)
            {
                variants[kernel] = LoadVariant(series, context.Layout.SeriesDir, entry, variant);
            }
        }

        var report = new MatrixReport(series.Manifest?.Series.Name ?? "series", series.Manifest?.Series.Version ?? "0", primary.PatchNames, []);
        FetchedBase? seriesBase = await SeriesBaseAsync(context, cancellationToken).ConfigureAwait(false);
        foreach (string kernel in kernels)
        {
            context.Console.Stage($"Matrix: {kernel}");
            IReadOnlyList<MatrixSeries> runs = variants.TryGetValue(kernel, out MatrixSeries? v) ? [primary, v] : [primary];
            await foreach (MatrixRow row in RunBaseAsync(context, kernel, runs, seriesBase, cancellationToken).ConfigureAwait(false))
            {
                report = report with { Rows = [.. report.Rows, row] };
                Write(context.Layout.OutDir, report);
                context.Console.Note($"{row.Label}: {row.Overall} ({string.Join(", ", row.Verdicts)}; build {row.Build.Word}, smoke {row.Smoke.Word})");
            }
        }

        context.Console.Plain(MatrixTextRenderer.Render(report));
        string json = Path.Combine(context.Layout.OutDir, JsonFileName);
        string markdown = Path.Combine(context.Layout.OutDir, MarkdownFileName);
        context.Console.Plain($"matrix: {json}, {markdown}");
        var details = report.Rows.ToDictionary(r => "base/" + r.Label, r => r.Overall, StringComparer.Ordinal);
        string summary = string.Join("; ", report.Rows.Select(r => $"{r.Label} {r.Overall}"));

        IReadOnlyList<string> required = series.Manifest is { } manifest
            ? MatrixVerdict.RequiredLabels(manifest.DefaultBase.Id, manifest.Bases.Where(b => b.Series is not null).Select(b => (b.Id, b.Series!)))
                .Where(label => kernels.Any(k => label == k || label.StartsWith(k + " [", StringComparison.Ordinal))).ToList()
            : [];
        IReadOnlyList<string> failures = MatrixVerdict.Failures(report, series.Manifest?.DefaultBase.Id, required);
        if (failures.Count > 0)
        {
            throw new StageFailedException($"{string.Join("; ", failures)}. See {markdown}.") { Details = details };
        }

        return StageOutcome.Pass(summary) with { Details = details, Artifacts = [json, markdown] };
    }

    /// <summary>
    /// The directory <c>bases[].series</c> names for <paramref name="entry"/>, relative to the manifest's
    /// directory <paramref name="seriesDir"/>; the manifest's loader has checked its form, this checks it is there.
    /// </summary>
    /// <exception cref="UserErrorException">No such directory: the message names the manifest field.</exception>
    public static string VariantDirectory(string seriesDir, SeriesManifest manifest, KernelBase entry)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(entry);
        string variant = entry.Series ?? throw new ArgumentException($"{entry.Id} names no series variant", nameof(entry));
        string dir = Path.GetFullPath(variant, seriesDir);
        return Directory.Exists(dir)
            ? dir
            : throw new UserErrorException(
                $"{Field(seriesDir, manifest, entry)}: '{variant}' is not a directory next to the manifest (no {dir}); " +
                $"add the variant of the series maintained for {entry.Id} there, or fix or remove the field.");
    }

    /// <summary>The variant's series, with its patches read: a variant that cannot be read is the manifest field's fault.</summary>
    private static MatrixSeries LoadVariant(SeriesSource series, string seriesDir, KernelBase entry, string variant)
    {
        string dir = VariantDirectory(seriesDir, series.Manifest!, entry);
        try
        {
            return MatrixSeries.Load(variant, SeriesSourceResolver.Resolve(dir), dir);
        }
        catch (UserErrorException e)
        {
            throw new UserErrorException($"{Field(seriesDir, series.Manifest!, entry)}: the series variant in {dir} cannot be read: {e.Message}", e);
        }
    }

    /// <summary>"&lt;dir&gt;/manifest.yaml: bases[2].series", for messages.</summary>
    private static string Field(string seriesDir, SeriesManifest manifest, KernelBase entry) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Path.Combine(seriesDir, SeriesSource.ManifestFileName)}: bases[{manifest.Bases.ToList().IndexOf(entry)}].series");

    /// <summary>The series' own base (the manifest default), whose blobs make the three-way fallback possible elsewhere; null when it cannot be had.</summary>
    private async Task<FetchedBase?> SeriesBaseAsync(StageContext context, CancellationToken cancellationToken)
    {
        if (context.Series.Manifest is not { } manifest)
        {
            return null;
        }

        try
        {
            return await fetch(context, manifest.DefaultBase.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is UserErrorException or ProcessFailedException or IOException)
        {
            context.Console.Warn($"the series' own base {manifest.DefaultBase.Id} cannot be fetched ({e.Message}): three-way merges are possible only where the patches' preimages are in the base");
            return null;
        }
    }

    /// <summary>The bases of --kernels= (comma-separated, in order, duplicates removed).</summary>
    public static IReadOnlyList<string> Kernels(CliOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var kernels = options.Kernels.Distinct(StringComparer.Ordinal).ToList();
        return kernels.Count > 0
            ? kernels
            : throw new UserErrorException("Name the bases: --kernels=debian:6.1,debian:6.12,debian:7.2,<kernel tree>,<tarball> (any --kernel= form, comma-separated).");
    }

    /// <summary>matrix.json and matrix.md, each written atomically.</summary>
    public static void Write(string outDir, MatrixReport report)
    {
        Directory.CreateDirectory(outDir);
        AtomicFile.WriteAllText(Path.Combine(outDir, JsonFileName), MatrixJson.Serialize(report));
        AtomicFile.WriteAllText(Path.Combine(outDir, MarkdownFileName), MatrixMarkdownRenderer.Render(report));
    }

    /// <summary>
    /// The base's own repository for the apply: it borrows the objects of the base and of the series' own
    /// base (the manifest default), so the preimage blobs the patches name are there for the three-way fallback.
    /// A worktree an older mtcopy made straight in the base repository is removed first.
    /// </summary>
    private static async Task<string> OwnRepositoryAsync(GitCli git, string dir, FetchedBase fetched, FetchedBase? seriesBase, CancellationToken cancellationToken)
    {
        string repository = Path.Combine(dir, "repo.git");
        string worktree = Path.Combine(dir, "linux");
        if (!Directory.Exists(repository) && Directory.Exists(worktree))
        {
            Directory.Delete(worktree, recursive: true);
            await git.RunAsync(fetched.RepoPath, ["worktree", "prune"], cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        string[] lenders = seriesBase is null ? [fetched.RepoPath] : [fetched.RepoPath, seriesBase.RepoPath];
        return await BorrowingRepository.EnsureAsync(git, repository, lenders, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One base: fetched once, then one row per series of <paramref name="runs"/> (the series itself, then its
    /// variant for this base), each yielded as soon as it is done.
    /// </summary>
    private async IAsyncEnumerable<MatrixRow> RunBaseAsync(StageContext context, string kernel, IReadOnlyList<MatrixSeries> runs,
        FetchedBase? seriesBase, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        FetchedBase? fetched = null;
        string? fetchError = null;
        try
        {
            fetched = await fetch(context, kernel, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is UserErrorException or ProcessFailedException or IOException)
        {
            context.Console.Warn($"{kernel}: fetch failed: {e.Message}");
            fetchError = e.Message;
        }

        foreach (MatrixSeries run in runs)
        {
            if (run.Variant is not null)
            {
                context.Console.Stage($"Matrix: {kernel} [{run.Variant}]");
            }

            MatrixRow row = fetched is null
                ? MatrixRow.FetchFailed(kernel, run.Inputs.Count, fetchError!)
                : await RunSeriesAsync(context, kernel, fetched, run, seriesBase, cancellationToken).ConfigureAwait(false);
            yield return run.Variant is null ? row : row with { Series = run.Variant, Patches = run.PatchNames };
        }
    }

    /// <summary>One series on one fetched base: apply into &lt;out&gt;/matrix/&lt;slug&gt;/, then build and smoke when it applied.</summary>
    private static async Task<MatrixRow> RunSeriesAsync(StageContext context, string kernel, FetchedBase fetched, MatrixSeries run,
        FetchedBase? seriesBase, CancellationToken cancellationToken)
    {
        string label = run.Variant is null ? kernel : $"{kernel} [{run.Variant}]";
        string slug = BaseFetch.Slug(kernel) + (run.Variant is null ? "" : "-" + run.Variant.Replace('/', '-'));
        string dir = Path.Combine(context.Layout.OutDir, "matrix", slug);
        var fetchStep = MatrixStep.Pass(fetched.FromCache ? "from the cache" : "fetched");
        var git = context.Git;
        string repository = await OwnRepositoryAsync(git, dir, fetched, seriesBase, cancellationToken).ConfigureAwait(false);
        var spec = new WorkspaceSpec(repository, fetched.CommitId, "mtcopy-matrix/" + slug, Path.Combine(dir, "linux"));
        SeriesResult result;
        try
        {
            result = await new SeriesApplier(git)
                .ApplyAsync(new ApplyRequest(spec, ApplyOptions.Default with { Fuzz = context.Options.Fuzz }), run.Inputs, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is GitCommandException or UserErrorException or IOException)
        {
            // One base's broken worktree must not cost the other bases their results.
            context.Console.Warn($"{label}: the series could not be applied: {e.Message}");
            var notApplied = MatrixStep.Fail($"the series could not be applied: {e.Message.Split('\n')[0]}");
            return new MatrixRow(kernel, fetched.Description, fetched.KernelVersion, fetched.CommitId,
                [.. Enumerable.Repeat(MatrixRow.NotAttempted, run.Inputs.Count)], [], fetchStep, notApplied, MatrixStep.Skip("not applied"));
        }
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "apply-report.txt"), ReportRenderer.Render(result.Report), cancellationToken).ConfigureAwait(false);

        var files = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (string path in FailedPaths(result.Report))
        {
            GitResult show = await git.RunAsync(fetched.RepoPath, ["cat-file", "blob", $"{fetched.CommitId}:{path}"], cancellationToken: cancellationToken).ConfigureAwait(false);
            files[path] = show.ExitCode == 0 ? show.StdoutText : null;
        }

        IReadOnlyList<MatrixConflict> conflicts = MatrixConflicts.From(result.Report, p => files.GetValueOrDefault(p), run.Inputs);
        var row = new MatrixRow(kernel, fetched.Description, fetched.KernelVersion, fetched.CommitId, MatrixConflicts.Verdicts(result.Report), conflicts,
            fetchStep, MatrixStep.Skip("the series does not apply"), MatrixStep.Skip("the series does not apply"));
        if (!result.Succeeded)
        {
            foreach (string summary in MatrixConflicts.Summary(row))
            {
                context.Console.Warn($"{label}: {summary}");
            }

            context.Console.Note($"the stopped tree is left in {spec.WorktreePath}; report: {Path.Combine(dir, "apply-report.txt")}");
            return row;
        }

        (MatrixStep build, MatrixStep smoke) = await new MatrixBuild(context, dir, slug, result, run.Epoch).RunAsync(cancellationToken).ConfigureAwait(false);
        return row with { Build = build, Smoke = smoke };
    }

    private static IEnumerable<string> FailedPaths(SeriesReport report) =>
        report.Patches.Where(p => p.Outcome == PatchOutcome.Stopped)
            .SelectMany(p => p.Files)
            .Where(f => f.Hunks.Any(h => h.Outcome is HunkOutcome.Conflict or HunkOutcome.Failed))
            .Select(f => f.OldPath ?? f.Path)
            .Distinct(StringComparer.Ordinal);

    /// <summary>A series the matrix applies: the manifest's own (<see cref="Variant"/> null) or the variant for one base.</summary>
    private sealed record MatrixSeries(string? Variant, IReadOnlyList<PatchInput> Inputs, long Epoch)
    {
        public IReadOnlyList<string> PatchNames => [.. Inputs.Select(i => i.Name)];

        /// <summary>The patches of <paramref name="source"/> in <paramref name="dir"/>; the epoch (build dates) is their newest mail's.</summary>
        public static MatrixSeries Load(string? variant, SeriesSource source, string dir)
        {
            IReadOnlyList<PatchMail> mails = SeriesPatchLoader.Load(source, new DiskSeriesDirectory(dir), DateTimeOffset.UnixEpoch);
            var inputs = mails.Select(m => m.ToPatchInput()).ToList();
            return new MatrixSeries(variant, inputs, mails.Max(m => m.Date).ToUnixTimeSeconds());
        }
    }
}
