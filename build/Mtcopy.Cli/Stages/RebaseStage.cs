using System.Globalization;
using System.Text.RegularExpressions;
using Mtcopy.Adapters.Git;
using Mtcopy.Adapters.Kernel;
using Mtcopy.Adapters.Rebase;
using Mtcopy.Core;
using Mtcopy.Core.Kernel;
using Mtcopy.Core.Patching;
using Mtcopy.Core.Rebase;
using Mtcopy.Core.Series;
using Mtcopy.Core.Series.Manifest;
using Mtcopy.Core.Sources;

namespace Mtcopy.Cli.Stages;

/// <summary>
/// Rebase: the series onto --onto=&lt;kernel&gt;, one patch at a time, three-way (Apply's engine: git apply),
/// in &lt;out&gt;/rebase/&lt;base&gt;/. On a conflict it stops with the conflict in the worktree and a report per
/// hunk; --continue after resolving and staging, --abort to remove everything. When every patch is on
/// the new base and the kernel builds with the manifest's default fragment, the refreshed series is
/// exported for review to &lt;out&gt;/rebase/&lt;base&gt;/patches/ (patches, cover letter, manifest, quilt series):
/// the series directory itself is never written.
/// </summary>
public sealed partial class RebaseStage(BaseFetcher? fetchBase = null) : IStage
{
    public const string StateName = "rebase";

    private readonly BaseFetcher fetch = fetchBase ?? BaseFetch.FetchAsync;

    public string Name => StateName;

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var engine = new RebaseEngine(context.Git);
        string work = WorkDirectory(context);
        if (context.Options.Abort)
        {
            await engine.AbortAsync(work, cancellationToken).ConfigureAwait(false);
            return StageOutcome.Pass($"aborted: removed {work} (its repository, worktree, branch and state)");
        }

        SeriesManifest manifest = context.RequireManifest("the rebase needs the series' own base");
        IReadOnlyList<PatchMail> mails = SeriesPatchLoader.Load(context.Series, new DiskSeriesDirectory(context.Layout.SeriesDir), DateTimeOffset.UnixEpoch);
        var inputs = mails.Select(m => m.ToPatchInput()).ToList();
        string onto = context.Options.Onto ?? "";
        RebaseResult result;
        if (context.Options.Continue)
        {
            result = await engine.ContinueAsync(work, inputs, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            FetchedBase oldBase = await fetch(context, manifest.DefaultBase.Id, cancellationToken).ConfigureAwait(false);
            FetchedBase newBase = await fetch(context, onto, cancellationToken).ConfigureAwait(false);
            context.Console.Note($"moving {inputs.Count} patches from {manifest.DefaultBase.Id} (Linux {oldBase.KernelVersion}) onto {onto} (Linux {newBase.KernelVersion})");
            result = await engine.StartAsync(new RebaseRequest(oldBase.RepoPath, oldBase.CommitId, newBase.RepoPath, newBase.CommitId, work, inputs)
            {
                Options = ApplyOptions.Default with { Fuzz = context.Options.Fuzz },
            }, cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(work, "onto.txt"), $"{onto}\n{newBase.KernelVersion}\n{newBase.Description}\n", cancellationToken).ConfigureAwait(false);
        }

        string[] ontoInfo = (await File.ReadAllTextAsync(Path.Combine(work, "onto.txt"), cancellationToken).ConfigureAwait(false)).Split('\n');
        (string ontoId, string ontoKernel, string ontoDescription) = (ontoInfo[0], ontoInfo[1], ontoInfo[2]);
        string report = RebaseReportRenderer.Render($"{manifest.DefaultBase.Id} ({result.State.OldBase[..12]})", $"{ontoId} ({result.State.NewBase[..12]})", result.Patches);
        string reportPath = Path.Combine(work, "rebase-report.txt");
        await File.WriteAllTextAsync(reportPath, report, cancellationToken).ConfigureAwait(false);
        context.Console.Plain(report);
        var details = result.Patches.ToDictionary(p => "patch/" + p.Name, p => p.Word, StringComparer.Ordinal);
        if (result.Stopped is { } stopped)
        {
            string files = string.Join(", ", stopped.Conflicts.Select(c => c.Path).Distinct(StringComparer.Ordinal));
            throw new StageFailedException(string.Create(CultureInfo.InvariantCulture,
                $"patch {stopped.Number} ({stopped.Name}) conflicts with {ontoId} in {files} (report: {reportPath}). " +
                $"Resolve the conflicts in {result.State.Worktree}, 'git add -f' the files (-f: Debian's source trees ignore every top-level path), then run {context.Options.Rerun("Rebase", "continue")}; " +
                $"or {context.Options.Rerun("Rebase", "abort")} to remove the rebase."))
            { Details = details };
        }

        await BuildAsync(context, manifest, result.State.Worktree, work, mails.Max(m => m.Date), cancellationToken).ConfigureAwait(false);
        string exported = await ExportAsync(context, manifest, result, work, ontoId, ontoKernel, ontoDescription, cancellationToken).ConfigureAwait(false);
        return StageOutcome.Pass(
            $"{string.Join(", ", result.Patches.Select(p => $"{p.Number} {p.Word}"))}; builds; refreshed series for review in {exported} " +
            $"(compare: diff -ru {context.Layout.SeriesDir} {exported})") with { Details = details };
    }

    /// <summary>&lt;out&gt;/rebase/&lt;onto&gt;; without --onto, the one rebase under &lt;out&gt;/rebase.</summary>
    private static string WorkDirectory(StageContext context)
    {
        string root = Path.Combine(context.Layout.OutDir, "rebase");
        if (context.Options.Onto is { Length: > 0 } onto)
        {
            return Path.Combine(root, BaseFetch.Slug(onto));
        }

        if (!context.Options.Continue && !context.Options.Abort)
        {
            throw new UserErrorException("Name the new base: --onto=debian:7.2 (or any --kernel= form: a kernel tree, a tarball, git:<url>@<ref>).");
        }

        var existing = Directory.Exists(root)
            ? Directory.GetDirectories(root).Where(d => File.Exists(RebaseStateStore.PathIn(d))).ToList()
            : [];
        return existing.Count == 1
            ? existing[0]
            : throw new UserErrorException(existing.Count == 0
                ? $"There is no rebase under {root}."
                : $"There are several rebases under {root}; say which with --onto=<kernel>.");
    }

    private static async Task BuildAsync(StageContext context, SeriesManifest manifest, string worktree, string work, DateTimeOffset date, CancellationToken cancellationToken)
    {
        ConfigVariant variant = ConfigVariant.FromManifest(manifest, context.Layout.SeriesDir, manifest.Config.Default);
        string logDir = Path.Combine(work, "logs");
        KbuildTree tree = context.KernelBuild.Tree(worktree, Path.Combine(work, "build-" + variant.Name), variant.Arch);
        try
        {
            await context.KernelBuild.ConfigureAsync(tree, variant, Path.Combine(logDir, KernelBuild.ConfigureLogFileName), verifyFragment: true, cancellationToken)
                .ConfigureAwait(false);
            KernelBuildResult built = await context.Console.WithProgressAsync("rebased series: make bzImage modules", line =>
                context.KernelBuild.BuildAsync(tree, BuildIdentity.For(date.ToUnixTimeSeconds()), Path.Combine(logDir, KernelBuild.BuildLogFileName), line,
                    cancellationToken)).ConfigureAwait(false);
            context.Console.Note($"the rebased tree builds: Linux {built.Release?.Value} ({variant.Name})");
        }
        catch (Exception e) when (e is KernelBuildException or ConfigVerificationException)
        {
            throw new StageFailedException(
                $"every patch is on the new base, but the result does not build ({variant.Name}); nothing was exported. " +
                $"Port the code in {worktree} (commit it there), or --abort.\n{e.Message}", e);
        }
    }

    private static async Task<string> ExportAsync(StageContext context, SeriesManifest manifest, RebaseResult result, string work,
        string ontoId, string ontoKernel, string ontoDescription, CancellationToken cancellationToken)
    {
        string dest = Path.Combine(work, "patches");
        string staging = dest + ".tmp";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        IReadOnlyList<string> files = await new SeriesExport(context.Git).FormatPatchAsync(result.State.Worktree, result.State.NewBase, staging, cancellationToken).ConfigureAwait(false);
        const string Cover = "0000-cover-letter.patch";
        var patches = files.Where(f => f != Cover).ToList();

        KernelBase oldBase = manifest.DefaultBase;
        ManifestRebase.BaseEntry? entry = NewBaseEntry(manifest, ontoId, ontoKernel, ontoDescription);
        string newBaseText = entry is null ? $"{ontoDescription} (Linux {ontoKernel})" : $"{entry.Package} {entry.Version} (Linux {entry.Kernel})";
        string oldCover = Path.Combine(context.Layout.SeriesDir, Cover);
        if (File.Exists(oldCover))
        {
            string note = "Rebased from " + $"{oldBase.Package} {oldBase.Version} (Linux {oldBase.Kernel}) with mtcopy rebase: "
                + string.Join(", ", result.Patches.Select(p => $"patch {p.Number} {p.Word}")) + ".";
            string updated = CoverLetterRebase.Update(await File.ReadAllTextAsync(oldCover, cancellationToken).ConfigureAwait(false),
                await File.ReadAllTextAsync(Path.Combine(staging, Cover), cancellationToken).ConfigureAwait(false),
                $"{oldBase.Package} {oldBase.Version} (Linux {oldBase.Kernel})", newBaseText, note);
            await File.WriteAllTextAsync(Path.Combine(staging, Cover), updated, cancellationToken).ConfigureAwait(false);
        }

        string manifestText = await File.ReadAllTextAsync(Path.Combine(context.Layout.SeriesDir, SeriesSource.ManifestFileName), cancellationToken).ConfigureAwait(false);
        string rebased = ManifestRebase.Update(manifestText, patches, entry,
            source => Path.GetRelativePath(dest, Path.GetFullPath(source, context.Layout.SeriesDir)));
        await File.WriteAllTextAsync(Path.Combine(staging, SeriesSource.ManifestFileName), rebased, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(staging, SeriesSource.QuiltSeriesFileName), QuiltSeriesFile.Render(newBaseText, patches), cancellationToken).ConfigureAwait(false);
        foreach (string fragment in manifest.Config.Fragments.Values)
        {
            string target = Path.Combine(staging, fragment);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(context.Layout.SeriesDir, fragment), target, overwrite: true);
        }

        if (Directory.Exists(dest))
        {
            Directory.Delete(dest, recursive: true);
        }

        Directory.Move(staging, dest);
        ManifestLoader.Load(Path.Combine(dest, SeriesSource.ManifestFileName));
        return dest;
    }

    /// <summary>The manifest entry of the new base: the manifest's own when it has one, else one read from the fetched Debian package; null for other sources.</summary>
    private static ManifestRebase.BaseEntry? NewBaseEntry(SeriesManifest manifest, string ontoId, string kernel, string description)
    {
        if (manifest.FindBase(ontoId) is { } known)
        {
            return new ManifestRebase.BaseEntry(known.Id, known.Package, known.Version, known.Suite, known.Kernel);
        }

        Match m = DebianDescription().Match(description);
        return ontoId.StartsWith(KernelSourceSpec.DebianPrefix, StringComparison.Ordinal) && m.Success
            ? new ManifestRebase.BaseEntry(ontoId, m.Groups[1].Value, m.Groups[2].Value, null, kernel)
            : null;
    }

    [GeneratedRegex(@"^Debian package (\S+) (\S+) ", RegexOptions.CultureInvariant)]
    private static partial Regex DebianDescription();
}
