using Mtcopy.Adapters.Bench;
using Mtcopy.Adapters.Git;
using Mtcopy.Adapters.Kernel;
using Mtcopy.Adapters.Packaging;
using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Results;
using Mtcopy.Adapters.Smoke;
using Mtcopy.Core;
using Mtcopy.Core.Bench;
using Mtcopy.Core.Kernel;
using Mtcopy.Core.Patching;
using Mtcopy.Core.Series;
using Mtcopy.Core.Series.Manifest;
using Mtcopy.Core.Smoke;
using Mtcopy.Core.Sources;

namespace Mtcopy.Cli.Stages;

/// <summary>
/// Bench (not part of the default pipeline; run after ./build.sh on the same output directory):
/// <list type="number">
/// <item>the pipeline's overhead: the stages configure, build, smoke and package against the same tools run bare, on the incremental path;</item>
/// <item>our series applier against <c>git am</c> on the same base, checkout and apply timed apart, the result trees compared;</item>
/// <item>the whole default pipeline re-run with nothing changed: its wall time and the stages it skipped;</item>
/// <item>the guest's throughput: one boot with <c>mtcopy.bench=7</c>, GB/s for 4 KiB pages and THP, offloading off and on with 1..8 threads.</item>
/// </list>
/// Prints the tables and writes <c>&lt;out&gt;/bench.json</c> and <c>&lt;out&gt;/bench.md</c>; scratch files go to
/// <c>&lt;out&gt;/bench/</c>. <c>MTCOPY_BENCH_PARTS=apply,guest</c> (any of apply, guest, pipeline, rerun) measures only those parts.
/// </summary>
public sealed class BenchStage(IReadOnlyList<string>? benchParts = null) : IStage
{
    public const string PartsVariable = "MTCOPY_BENCH_PARTS";
    public const int PipelineRepetitions = 2;
    public const string JsonFileName = "bench.json";
    public const string MarkdownFileName = "bench.md";

    public string Name => "bench";

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The parts asked for: the constructor's (tests), else MTCOPY_BENCH_PARTS, else all.
        IReadOnlyList<string> parts = benchParts ?? BenchParts.Parse(Environment.GetEnvironmentVariable(PartsVariable));
        Prerequisites done = Prerequisites.Read(context.Layout);
        string benchDir = Path.Combine(context.Layout.OutDir, "bench");
        BuiltVariant first = done.Built.Variants[0];
        var report = new BenchReport(new BenchMachine(DateTimeOffset.UtcNow, Environment.ProcessorCount, context.Options.Jobs, first.KernelRelease, first.Name));
        var errors = new SortedDictionary<string, string>(StringComparer.Ordinal);
        context.Console.Note($"measuring: {string.Join(", ", parts)} (scratch files in {benchDir})");

        foreach (string part in parts)
        {
            context.Console.Stage("Bench: " + part);
            try
            {
                report = part switch
                {
                    BenchParts.Apply => report with { Apply = await ApplyAsync(context, done, benchDir, cancellationToken).ConfigureAwait(false) },
                    BenchParts.Guest => report with { Guest = await GuestAsync(context, done, benchDir, errors, cancellationToken).ConfigureAwait(false) },
                    BenchParts.Pipeline => report with { Pipeline = await PipelineAsync(context, done, benchDir, cancellationToken).ConfigureAwait(false) },
                    BenchParts.Rerun => report with { Rerun = await RerunAsync(context, done, benchDir, errors, cancellationToken).ConfigureAwait(false) },
                    _ => throw new InvalidOperationException($"unknown bench part {part}"),
                };
            }
            catch (Exception e) when (e is UserErrorException or ProcessFailedException or ProcessTimedOutException or ProcessStartException
                or KernelBuildException or GitCommandException or IOException or FormatException or UnauthorizedAccessException)
            {
                errors[part] = e.Message;
                context.Console.Error($"bench {part}: {e.Message}");
            }
        }

        report = report with { Errors = errors };
        string json = Path.Combine(context.Layout.OutDir, JsonFileName);
        string markdown = Path.Combine(context.Layout.OutDir, MarkdownFileName);
        string text = BenchMarkdown.Render(report);
        AtomicFile.WriteAllText(json, BenchJson.Serialize(report));
        AtomicFile.WriteAllText(markdown, text);
        context.Console.Plain("");
        context.Console.Plain(text);
        context.Console.Note($"written: {markdown} and {json}");
        if (errors.Count > 0)
        {
            throw new StageFailedException($"bench: {string.Join(", ", errors.Keys)} failed; the other parts are in {markdown}");
        }

        return StageOutcome.Pass(Headline(report)) with { Artifacts = [json, markdown] };
    }

    private static string Headline(BenchReport report)
    {
        var bits = new List<string>();
        if (report.Pipeline is { } p)
        {
            bits.Add($"pipeline/bare {BenchFormat.Ratio(p.Ratio)}");
        }

        if (report.Apply is { } a)
        {
            bits.Add($"apply ours {BenchFormat.Seconds(a.OursApplySeconds)} vs git am {BenchFormat.Seconds(a.AmApplySeconds)}, same tree: {(a.SameTree ? "yes" : "NO")}");
        }

        if (report.Rerun is { } r)
        {
            bits.Add($"no-change re-run {BenchFormat.Seconds(r.WallSeconds)} ({r.MakeRatioLine})");
        }

        if (report.Guest is { } g && g.Rows.Count > 0)
        {
            // Per kind the lowest on_tN/off over 1..8 threads, and whether it is within 5%: a fact, not a failure.
            bits.AddRange(g.Verdicts());
        }

        return string.Join("; ", bits);
    }

    private static async Task<ApplyComparison> ApplyAsync(StageContext context, Prerequisites done, string benchDir, CancellationToken cancellationToken)
    {
        SeriesSource series = context.Series;
        IReadOnlyList<PatchMail> mails = SeriesPatchLoader.Load(series, new DiskSeriesDirectory(context.Layout.SeriesDir), DateTimeOffset.UnixEpoch);
        var inputs = mails.Select(m => m.ToPatchInput()).ToList();
        var files = mails.Select(m => PatchFileOf(m.SourceName)).Distinct(StringComparer.Ordinal)
            .Select(f => Path.Combine(context.Layout.SeriesDir, f)).ToList();
        var request = new ApplyBenchRequest(done.Fetched.RepoPath, done.Fetched.CommitId, inputs, files, Path.Combine(benchDir, "apply"));
        return await new ApplyBenchmark(context.Git).RunAsync(request, context.Console.Note, cancellationToken).ConfigureAwait(false);
    }

    // "all.mbox#3" is the third mail of all.mbox; git am takes the file.
    private static string PatchFileOf(string sourceName)
    {
        int hash = sourceName.LastIndexOf('#');
        return hash > 0 && sourceName[(hash + 1)..].All(char.IsAsciiDigit) ? sourceName[..hash] : sourceName;
    }

    private static async Task<GuestThroughput> GuestAsync(StageContext context, Prerequisites done, string benchDir, SortedDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        SeriesManifest manifest = context.RequireManifest("the guest benchmark needs the module");
        ModuleSpec module = manifest.Modules.Count > 0
            ? manifest.Modules[0]
            : throw new UserErrorException("the manifest lists no module to load in the guest");
        BuiltVariant variant = done.Built.Variants[0];
        var request = new GuestRunRequest("guest", benchDir, variant.Image,
            variant.Modules.First(m => Path.GetFileName(m) == module.Name + ".ko"), context.Layout.GuestSourceDir)
        {
            ContractText = module.Sysfs is { } sysfs ? SysfsContractFile.Render(sysfs) : "",
            ArchiveMtime = DateTimeOffset.FromUnixTimeSeconds(done.Built.SourceDateEpoch),
            Timeout = GuestBenchmark.DefaultTimeout,
        };
        GuestBenchResult result = await context.Console.WithProgressAsync(
            $"{variant.Name}: guest with {GuestBenchmark.BenchArgument(GuestBenchmark.DefaultRepetitions)}",
            line => new GuestBenchmark(context.Guest).RunAsync(request, GuestBenchmark.DefaultRepetitions, line, cancellationToken)).ConfigureAwait(false);
        context.Console.Note($"guest: {result.GuestSummary} (ktap: {result.KtapPath})");
        if (!result.GuestPassed || result.Throughput.Missing.Count > 0)
        {
            errors[BenchParts.Guest] = $"the bench boot did not pass ({result.GuestSummary}); missing numbers: " +
                $"{(result.Throughput.Missing.Count == 0 ? "none" : string.Join(", ", result.Throughput.Missing))}; see {result.KtapPath} and {result.ConsolePath}";
        }

        return result.Throughput;
    }

    private static async Task<PipelineOverhead> PipelineAsync(StageContext context, Prerequisites done, string benchDir, CancellationToken cancellationToken)
    {
        string scratchOut = Path.Combine(benchDir, "pipeline");
        var scratch = new RunLayout(context.Layout.RepoRoot, context.Options with { Out = scratchOut });
        var variants = context.ConfigVariants();
        var inputs = new PipelineBenchInputs(
            context.Layout.RepoRoot,
            context.Layout.StateDir,
            done.Applied.Worktree,
            scratch.OutDir,
            scratch.StateDir,
            Launcher(),
            BenchCliCommands.PassThrough(context.Options.Given),
            [.. done.Configured.Variants.Select(v => Variant(v, variants, scratch))],
            [.. (context.Series.Manifest?.Modules ?? []).Select(m => new ModuleSource(m.Name, Path.GetFullPath(m.Source, context.Layout.SeriesDir)))])
        {
            Repetitions = PipelineRepetitions,
            Jobs = context.Options.Jobs,
            // As the Build stage pins them.
            Pinned = BuildIdentity.For(done.Configured.SourceDateEpoch),
            KbuildVariables = context.KernelBuild.MakeVariables,
            SourceDateEpoch = done.Applied.SourceDateEpoch,
            GuestSourceDir = context.Layout.GuestSourceDir,
            // As the Package stage lays them out.
            ScratchPackagingDir = Path.Combine(scratch.WorkDir, "packaging"),
            ScratchPackagesDir = Path.Combine(scratch.OutDir, "packages"),
            RpmlintConfig = Path.Combine(context.Layout.RepoRoot, PackageLinter.RpmlintConfig),
        };
        PipelineBenchPlanner.Prepare(inputs);
        try
        {
            return await new OverheadBenchmark(context.Runner).RunAsync(PipelineBenchPlanner.Plan(inputs), context.Console.Note, null, cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            PipelineBenchPlanner.Unlink(inputs);
        }
    }

    private static PipelineBenchVariant Variant(ConfiguredVariant configured, IReadOnlyList<ConfigVariant> variants, RunLayout scratch)
    {
        ConfigVariant variant = variants.FirstOrDefault(v => v.Name == configured.Name)
            ?? throw new UserErrorException($"The config variant '{configured.Name}' was built but is not asked for now; give the same --config/--configs as the build.");
        return new PipelineBenchVariant(configured.Name, configured.Arch, variant.BaseTarget, variant.BaseConfigFile,
            configured.BuildDir, scratch.BuildDir(configured.Name), GuestRunner.SmokeDirectory(scratch.OutDir, configured.Name),
            // As the Smoke stage sets it.
            configured.Name == "smoke" ? QemuSettings.DefaultTimeout : TimeSpan.FromMinutes(10));
    }

    /// <summary>How to start this CLI again: <c>dotnet mtcopy.dll</c>, or the native launcher itself.</summary>
    private static IReadOnlyList<string> Launcher()
    {
        string host = Environment.ProcessPath ?? "dotnet";
        string assembly = typeof(BenchStage).Assembly.Location;
        return Path.GetFileNameWithoutExtension(host) == "dotnet" ? [host, assembly] : [host];
    }

    private static async Task<RerunTiming> RerunAsync(StageContext context, Prerequisites done, string benchDir, SortedDictionary<string, string> errors,
        CancellationToken cancellationToken)
    {
        BenchCommand command = BenchCliCommands.BuildScript(context.Layout.RepoRoot, context.Layout.OutDir, BenchCliCommands.PassThrough(context.Options.Given));
        string log = Path.Combine(benchDir, "rerun.log");
        Directory.CreateDirectory(benchDir);
        RerunTiming timing = await context.Console.WithProgressAsync("./build.sh, nothing changed",
            line => new RerunBenchmark(context.Runner).RunAsync(command, context.Metadata.MetadataPath, log, line, cancellationToken)).ConfigureAwait(false);
        if (timing.ExitCode != 0 || timing.Failed.Count > 0)
        {
            errors[BenchParts.Rerun] = $"the re-run failed (exit {timing.ExitCode}; failed: {string.Join(", ", timing.Failed)}); see {log}";
            return timing;
        }

        // The yardstick, in the same minute: the kernel's own make on the first built tree, nothing to do, with the
        // make variables and identity the Build stage used (other values would rebuild).
        BuiltVariant first = done.Built.Variants[0];
        KbuildTree tree = context.KernelBuild.Tree(done.Built.Worktree, first.BuildDir, done.Configured.Variants.First(v => v.Name == first.Name).Arch);
        var make = BenchCommand.From(KbuildCommands.Build(tree, context.Options.Jobs, null, BuildIdentity.For(done.Built.SourceDateEpoch)));
        TimeSpan makeTime = await new CommandTimer(context.Runner).RunAsync([make], Path.Combine(benchDir, "rerun-make.log"), null, cancellationToken)
            .ConfigureAwait(false);
        timing = timing with { MakeSeconds = makeTime.TotalSeconds };
        context.Console.Note(timing.MakeRatioLine + $" ({BenchFormat.Seconds(timing.WallSeconds)} vs {BenchFormat.Seconds(makeTime.TotalSeconds)})");
        return timing;
    }

    /// <summary>The earlier stages' results the bench works from; a clear message when the pipeline has not run.</summary>
    private sealed record Prerequisites(FetchedBase Fetched, AppliedSeries Applied, ConfigureState Configured, BuildState Built)
    {
        public static Prerequisites Read(RunLayout layout)
        {
            string[] needed = [FetchStage.StateName, ApplyStage.StateName, ConfigureStage.StateName, BuildStage.StateName];
            string[] missing = [.. needed.Where(s => !File.Exists(Path.Combine(layout.StateDir, s + ".json")))];
            if (missing.Length > 0)
            {
                throw new UserErrorException(
                    $"The bench measures a pipeline that has already run in {layout.OutDir}, but these stages have not: {string.Join(", ", missing)} " +
                    $"(no {string.Join(", ", missing.Select(s => s + ".json"))} in {layout.StateDir}). Run ./build.sh --out={layout.OutDir} first, " +
                    $"then ./build.sh --target=Bench --out={layout.OutDir}.");
            }

            var built = StateFile.Read<BuildState>(layout.StateDir, BuildStage.StateName);
            if (built.Variants.Count == 0)
            {
                throw new UserErrorException($"The Build stage built nothing in {layout.OutDir}; run ./build.sh --out={layout.OutDir} first.");
            }

            return new Prerequisites(
                StateFile.Read<FetchedBase>(layout.StateDir, FetchStage.StateName),
                StateFile.Read<AppliedSeries>(layout.StateDir, ApplyStage.StateName),
                StateFile.Read<ConfigureState>(layout.StateDir, ConfigureStage.StateName),
                built);
        }
    }
}
