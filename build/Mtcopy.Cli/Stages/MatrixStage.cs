using Mtcopy.Adapters.Git;
using Mtcopy.Adapters.Rebase;
using Mtcopy.Adapters.Results;
using Mtcopy.Adapters.Sources;
using Mtcopy.Core;
using Mtcopy.Core.Matrix;
using Mtcopy.Core.Patching;
using Mtcopy.Core.Series;
using Mtcopy.Core.Sources;

namespace Mtcopy.Cli.Stages;

/// <summary>
/// Matrix: the series against every base of --kernels (Debian series, paths, tarballs, git remotes).
/// Per base: fetch (cached by content), apply into its own worktree under &lt;out&gt;/matrix/&lt;base&gt;/
/// (offset, then three-way), and when every patch applied, configure, build and smoke-test it.
/// Writes &lt;out&gt;/matrix.json and matrix.md after each base and prints the table. A conflict is a
/// result, not a crash: the stage fails only when the manifest's default base does not pass.
/// </summary>
public sealed class MatrixStage : IStage
{
    public const string StateName = "matrix";
    public const string JsonFileName = "matrix.json";
    public const string MarkdownFileName = "matrix.md";

    public string Name => StateName;

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        IReadOnlyList<string> kernels = Kernels(context.Options);
        SeriesSource series = context.Series;
        IReadOnlyList<PatchMail> mails = SeriesPatchLoader.Load(series, new DiskSeriesDirectory(context.Layout.SeriesDir), DateTimeOffset.UnixEpoch);
        var inputs = mails.Select(m => new PatchInput(m.SourceName, m.Diff, m.AuthorName, m.AuthorEmail, m.Date, m.Message)).ToList();
        long epoch = mails.Max(m => m.Date).ToUnixTimeSeconds();
        var report = new MatrixReport(series.Manifest?.Series.Name ?? "series", series.Manifest?.Series.Version ?? "0", [.. inputs.Select(i => i.Name)], []);

        FetchedBase? seriesBase = await SeriesBaseAsync(context, cancellationToken).ConfigureAwait(false);
        foreach (string kernel in kernels)
        {
            context.Console.Stage($"Matrix: {kernel}");
            MatrixRow row = await RunBaseAsync(context, kernel, inputs, epoch, seriesBase, cancellationToken).ConfigureAwait(false);
            report = report with { Rows = [.. report.Rows, row] };
            Write(context.Layout.OutDir, report);
            context.Console.Note($"{kernel}: {row.Overall} ({string.Join(", ", row.Verdicts)}; build {row.Build.Word}, smoke {row.Smoke.Word})");
        }

        context.Console.Plain(MatrixTextRenderer.Render(report));
        string json = Path.Combine(context.Layout.OutDir, JsonFileName);
        string markdown = Path.Combine(context.Layout.OutDir, MarkdownFileName);
        context.Console.Plain($"matrix: {json}, {markdown}");
        var details = report.Rows.ToDictionary(r => "base/" + r.Base, r => r.Overall, StringComparer.Ordinal);
        string summary = string.Join("; ", report.Rows.Select(r => $"{r.Base} {r.Overall}"));

        string? defaultBase = series.Manifest?.DefaultBase.Id;
        if (report.Rows.FirstOrDefault(r => r.Base == defaultBase) is { } main && main.Overall != "pass")
        {
            throw new StageFailedException(
                $"the manifest's default base {defaultBase} does not pass ({main.Overall}): the series is broken on the kernel it supports. See {markdown}.")
            { Details = details };
        }

        return StageOutcome.Pass(summary) with { Details = details, Artifacts = [json, markdown] };
    }

    /// <summary>The series' own base (the manifest default), whose blobs make the three-way fallback possible elsewhere; null when it cannot be had.</summary>
    private static async Task<FetchedBase?> SeriesBaseAsync(StageContext context, CancellationToken cancellationToken)
    {
        if (context.Series.Manifest is not { } manifest)
        {
            return null;
        }

        try
        {
            return await BaseFetch.FetchAsync(context, manifest.DefaultBase.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is UserErrorException or ExternalToolException or IOException)
        {
            context.Console.Warn($"the series' own base {manifest.DefaultBase.Id} cannot be fetched ({e.Message}): three-way merges are possible only where the patches' preimages are in the base");
            return null;
        }
    }

    /// <summary>The bases of --kernels= (comma-separated, in order, duplicates removed).</summary>
    public static IReadOnlyList<string> Kernels(CliOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string list = options.Raw.TryGetValue("kernels", out string? v) ? v : "";
        var kernels = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
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

    private static async Task<MatrixRow> RunBaseAsync(StageContext context, string kernel, List<PatchInput> inputs, long epoch, FetchedBase? seriesBase, CancellationToken cancellationToken)
    {
        string slug = BaseFetch.Slug(kernel);
        string dir = Path.Combine(context.Layout.OutDir, "matrix", slug);
        FetchedBase fetched;
        try
        {
            fetched = await BaseFetch.FetchAsync(context, kernel, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is UserErrorException or ExternalToolException or IOException)
        {
            context.Console.Warn($"{kernel}: fetch failed: {e.Message}");
            return MatrixRow.FetchFailed(kernel, inputs.Count, e.Message);
        }

        var fetchStep = MatrixStep.Pass(fetched.FromCache ? "from the cache" : "fetched");
        var git = new GitCli();
        string repository = await OwnRepositoryAsync(git, dir, fetched, seriesBase, cancellationToken).ConfigureAwait(false);
        var spec = new WorkspaceSpec(repository, fetched.CommitId, "mtcopy-matrix/" + slug, Path.Combine(dir, "linux"));
        SeriesResult result;
        try
        {
            result = await new SeriesApplier(git)
                .ApplyAsync(new ApplyRequest(spec, ApplyOptions.Default with { Fuzz = context.Options.Fuzz }), inputs, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is GitCommandException or WorkspaceException or IOException)
        {
            // One base's broken worktree must not cost the other bases their results.
            context.Console.Warn($"{kernel}: the series could not be applied: {e.Message}");
            var notApplied = MatrixStep.Fail($"the series could not be applied: {e.Message.Split('\n')[0]}");
            return new MatrixRow(kernel, fetched.Description, fetched.KernelVersion, fetched.CommitId,
                [.. Enumerable.Repeat(MatrixRow.NotAttempted, inputs.Count)], [], fetchStep, notApplied, MatrixStep.Skip("not applied"));
        }
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "apply-report.txt"), ReportRenderer.Render(result.Report), cancellationToken).ConfigureAwait(false);

        var files = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (string path in FailedPaths(result.Report))
        {
            GitResult show = await git.RunAsync(fetched.RepoPath, ["cat-file", "blob", $"{fetched.CommitId}:{path}"], cancellationToken: cancellationToken).ConfigureAwait(false);
            files[path] = show.ExitCode == 0 ? show.StdoutText : null;
        }

        IReadOnlyList<MatrixConflict> conflicts = MatrixConflicts.From(result.Report, p => files.GetValueOrDefault(p), inputs);
        var row = new MatrixRow(kernel, fetched.Description, fetched.KernelVersion, fetched.CommitId, MatrixConflicts.Verdicts(result.Report), conflicts,
            fetchStep, MatrixStep.Skip("the series does not apply"), MatrixStep.Skip("the series does not apply"));
        if (!result.Succeeded)
        {
            foreach (string summary in MatrixConflicts.Summary(row))
            {
                context.Console.Warn($"{kernel}: {summary}");
            }

            context.Console.Note($"the stopped tree is left in {spec.WorktreePath}; report: {Path.Combine(dir, "apply-report.txt")}");
            return row;
        }

        (MatrixStep build, MatrixStep smoke) = await new MatrixBuild(context, dir, slug, result, epoch).RunAsync(cancellationToken).ConfigureAwait(false);
        return row with { Build = build, Smoke = smoke };
    }

    private static IEnumerable<string> FailedPaths(SeriesReport report) =>
        report.Patches.Where(p => p.Outcome == PatchOutcome.Stopped)
            .SelectMany(p => p.Files)
            .Where(f => f.Hunks.Any(h => h.Outcome is HunkOutcome.Conflict or HunkOutcome.Failed))
            .Select(f => f.OldPath ?? f.Path)
            .Distinct(StringComparer.Ordinal);
}
