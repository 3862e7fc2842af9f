using Mtcopy.Adapters.Process;
using Spectre.Console;

namespace Mtcopy.Cli.Tests.Fixtures;

/// <summary>
/// A StageContext over a temporary "repository" (a directory with Tooling.sln) and output directory, with the real
/// process runner unless told otherwise; the console is recorded so tests can read what people would see.
/// </summary>
public sealed class StageHarness : IDisposable
{
    public StageHarness()
    {
        Root = Directory.CreateTempSubdirectory("mtcopy-stage-").FullName;
        RepoRoot = Directory.CreateDirectory(Path.Combine(Root, "repo")).FullName;
        File.WriteAllText(Path.Combine(RepoRoot, "Tooling.sln"), "");
        CacheDir = Path.Combine(Root, "cache");
    }

    public string Root { get; }

    public string RepoRoot { get; }

    public string CacheDir { get; }

    public StringWriter ConsoleText { get; } = new();

    /// <summary>A context for <paramref name="verb"/> with the given --name=value options (--cache defaults to the harness's).</summary>
    public StageContext Context(string verb, IEnumerable<string> options, IProcessRunner? runner = null)
    {
        var args = new List<string> { verb };
        args.AddRange(options);
        if (!args.Any(a => a.StartsWith("--cache=", StringComparison.Ordinal)))
        {
            args.Add("--cache=" + CacheDir);
        }

        CliOptions parsed = CliOptions.Parse(args);
        var layout = new RunLayout(RepoRoot, parsed);
        OutputDirectory.Prepare(layout.OutDir);
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(ConsoleText),
        });
        console.Profile.Width = 240;
        var metadata = new MetadataStore(layout.OutDir, parsed.RunId ?? "test-run", parsed.ReproducingCommand());
        return new StageContext(parsed, layout, runner ?? new ProcessRunner(), new ConsoleReporter(console), metadata);
    }

    public void Dispose()
    {
        ConsoleText.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
