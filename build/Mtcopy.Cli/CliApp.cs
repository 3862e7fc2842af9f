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

    public static async Task<int> RunAsync(string[] args)
    {
        var console = ConsoleReporter.Create();
        CliOptions options;
        RunLayout workspace;
        Verb verb;
        try
        {
            if (HelpCommand.IsAsked(args))
            {
                return HelpCommand.Run(args, RunLayout.FindRepoRoot(Environment.CurrentDirectory), console);
            }

            options = CliOptions.Parse(args);
            workspace = new RunLayout(RunLayout.FindRepoRoot(Environment.CurrentDirectory), options);
            verb = Verbs.Find(options.Verb)
                ?? throw new UserErrorException($"Unknown stage '{options.Verb}'; use one of: {string.Join(", ", Verbs.All.Select(v => v.Name))}.");
        }
        catch (UserErrorException e)
        {
            console.Error(e.Message);
            return ExitUser;
        }

        IStage stage = verb.Create();
        Ccache.Configure(workspace);
        try
        {
            OutputDirectory.Prepare(workspace.OutDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error($"cannot create the output directory {workspace.OutDir}: {e.Message}");
            return ExitInfrastructure;
        }

        var metadata = new MetadataStore(workspace.OutDir, options.RunId ?? "single-" + options.Verb, options.ReproducingCommand());
        var context = new StageContext(options, workspace, new ProcessRunner(), console, metadata);
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return await RunStageAsync(stage, context, cancel.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs one stage and records its result in metadata.json, whatever happens: a pass or skip exits 0; a user
    /// mistake or a failed check (<see cref="UserErrorException"/>) exits 2 with its message; any other exception is an
    /// infrastructure failure (a tool, git, the disk, a bug of ours) and exits 1 with its type and message. Never throws.
    /// </summary>
    public static async Task<int> RunStageAsync(IStage stage, StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(context);
        ConsoleReporter console = context.Console;
        if (stage is not CleanStage)
        {
            context.Metadata.Load();
        }

        console.Stage(Title(stage.Name));
        var clock = Stopwatch.StartNew();
        StageResult result;
        int exit;
        IReadOnlyList<string> artifacts = [];
        try
        {
            StageOutcome outcome = await stage.RunAsync(context, cancellationToken).ConfigureAwait(false);
            result = new StageResult(stage.Name, outcome.Status, clock.Elapsed.TotalSeconds, outcome.Message) { Details = outcome.Details };
            artifacts = outcome.Artifacts;
            console.Note($"{RunMetadataJson.StatusText(outcome.Status)} ({RunSummaryRenderer.FormatDuration(clock.Elapsed.TotalSeconds)}): {outcome.Message}");
            exit = ExitOk;
        }
        catch (UserErrorException e)
        {
            result = StageResult.Fail(stage.Name, clock.Elapsed, e.Message) with
            {
                Details = (e as StageFailedException)?.Details ?? new Dictionary<string, string>(),
            };
            console.Error(e.Message);
            exit = ExitUser;
        }
        catch (Exception e)
        {
            // Anything else (a tool, git, a damaged state file, a bug): an infrastructure failure, recorded.
            string message = InfrastructureMessage(e);
            result = StageResult.Fail(stage.Name, clock.Elapsed, message);
            console.Error($"{stage.Name} failed: {message}");
            exit = ExitInfrastructure;
        }

        return stage is CleanStage or SummaryStage || Record(context, result, artifacts) ? exit : ExitInfrastructure;
    }

    /// <summary>The stage's result and artifacts into metadata.json; false, and said, when it cannot be written.</summary>
    private static bool Record(StageContext context, StageResult result, IReadOnlyList<string> artifacts)
    {
        string outDir = context.Layout.OutDir;
        try
        {
            context.Metadata.Update(m => m.WithStage(result) with
            {
                Artifacts = [.. m.Artifacts.Where(a => !artifacts.Any(p => SamePath(outDir, p, a.Path))),
                    .. artifacts.Select(p => ArtifactRecorder.Record(outDir, p))],
            });
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Console.Error($"cannot record the result of {result.Name} in {context.Metadata.MetadataPath}: {e.Message}");
            return false;
        }
    }

    /// <summary>
    /// The message of an infrastructure failure: the tools' own exceptions carry their message as is; other
    /// exceptions (git, JSON, our own invariants) are named, so a reader can tell them from a user error.
    /// </summary>
    internal static string InfrastructureMessage(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e is ProcessFailedException or Mtcopy.Adapters.Kernel.KernelBuildException
            or IOException or TimeoutException or OperationCanceledException
            ? e.Message
            : $"infrastructure failure ({e.GetType().Name}): {e.Message}";
    }

    private static bool SamePath(string outDir, string absolute, string relative) =>
        string.Equals(Path.GetRelativePath(outDir, absolute), relative, StringComparison.Ordinal);

    private static string Title(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
