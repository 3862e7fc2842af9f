using System.Diagnostics;
using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Results;
using Mtcopy.Cli.Stages;
using Mtcopy.Core;
using Mtcopy.Core.Results;

namespace Mtcopy.Cli;

/// <summary>
/// The mtcopy command: one verb per pipeline stage. Exit codes: 0 pass or skip, 1 an infrastructure
/// failure (the log is kept and named), 2 a user mistake or a failed check (the message says what to change).
/// </summary>
public static class CliApp
{
    public const int ExitOk = 0;
    public const int ExitInfrastructure = 1;
    public const int ExitUser = 2;

    private static readonly IReadOnlyDictionary<string, Func<IStage>> Stages = new Dictionary<string, Func<IStage>>(StringComparer.Ordinal)
    {
        ["fetch"] = () => new FetchStage(),
        ["apply"] = () => new ApplyStage(),
        ["configure"] = () => new ConfigureStage(),
        ["build"] = () => new BuildStage(),
        ["smoke"] = () => new SmokeStage(),
        ["package"] = () => new PackageStage(),
        ["summary"] = () => new SummaryStage(),
        ["bench"] = () => new BenchStage(),
        ["checkseries"] = () => new CheckSeriesStage(),
        ["clean"] = () => new CleanStage(),
        ["matrix"] = () => new MatrixStage(),
        ["matrix-join"] = () => new MatrixJoinStage(),
        ["rebase"] = () => new RebaseStage(),
    };

    public static async Task<int> RunAsync(string[] args)
    {
        var console = ConsoleReporter.Create();
        CliOptions options;
        RunLayout workspace;
        try
        {
            options = CliOptions.Parse(args);
            workspace = new RunLayout(RunLayout.FindRepoRoot(Environment.CurrentDirectory), options);
            if (!Stages.ContainsKey(options.Verb))
            {
                throw new UserErrorException($"Unknown stage '{options.Verb}'; use one of: {string.Join(", ", Stages.Keys)}.");
            }
        }
        catch (UserErrorException e)
        {
            console.Error(e.Message);
            return ExitUser;
        }

        IStage stage = Stages[options.Verb]();
        Ccache.Configure(workspace);
        Directory.CreateDirectory(workspace.OutDir);
        var metadata = new MetadataStore(workspace.OutDir, options.RunId ?? "single-" + options.Verb, options.ReproducingCommand());
        var context = new StageContext(options, workspace, new ProcessRunner(), console, metadata);
        if (stage is not CleanStage)
        {
            metadata.Load();
        }

        console.Stage(Title(stage.Name));
        var clock = Stopwatch.StartNew();
        StageResult result;
        int exit;
        IReadOnlyList<string> artifacts = [];
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        try
        {
            StageOutcome outcome = await stage.RunAsync(context, cancel.Token).ConfigureAwait(false);
            result = new StageResult(stage.Name, outcome.Status, clock.Elapsed.TotalSeconds, outcome.Message) { Details = outcome.Details };
            artifacts = outcome.Artifacts;
            console.Note($"{RunMetadataJson.StatusText(outcome.Status)} ({RunSummaryRenderer.FormatDuration(clock.Elapsed.TotalSeconds)}): {outcome.Message}");
            exit = ExitOk;
        }
        catch (Exception e) when (e is UserErrorException)
        {
            result = StageResult.Fail(stage.Name, clock.Elapsed, e.Message) with
            {
                Details = (e as StageFailedException)?.Details ?? new Dictionary<string, string>(),
            };
            console.Error(e.Message);
            exit = ExitUser;
        }
        catch (Exception e) when (e is ProcessFailedException or Mtcopy.Adapters.Kernel.KernelBuildException
            or Mtcopy.Adapters.Sources.ExternalToolException or IOException or TimeoutException or OperationCanceledException)
        {
            result = StageResult.Fail(stage.Name, clock.Elapsed, e.Message);
            console.Error($"{stage.Name} failed: {e.Message}");
            exit = ExitInfrastructure;
        }

        if (stage is not CleanStage and not SummaryStage)
        {
            metadata.Update(m => m.WithStage(result) with
            {
                Artifacts = [.. m.Artifacts.Where(a => !artifacts.Any(p => SamePath(workspace.OutDir, p, a.Path))),
                    .. artifacts.Select(p => ArtifactRecorder.Record(workspace.OutDir, p))],
            });
        }

        return exit;
    }

    private static bool SamePath(string outDir, string absolute, string relative) =>
        string.Equals(Path.GetRelativePath(outDir, absolute), relative, StringComparison.Ordinal);

    private static string Title(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
