using System.Diagnostics;
using Spectre.Console;

namespace Mtcopy.Cli;

/// <summary>What people see: stage headers, notes, and a live progress line for long commands.</summary>
public sealed class ConsoleReporter(IAnsiConsole console)
{
    public static ConsoleReporter Create()
    {
        IAnsiConsole console = AnsiConsole.Console;
        if (!console.Profile.Capabilities.Interactive)
        {
            // Logs are read in files and CI pages: do not fold long lines at 80 columns.
            console.Profile.Width = 240;
        }

        return new ConsoleReporter(console);
    }

    public IAnsiConsole Console { get; } = console;

    public bool Interactive => Console.Profile.Capabilities.Interactive;

    public void Stage(string name) => Console.MarkupLine($"[bold blue]==>[/] [bold]{Markup.Escape(name)}[/]");

    public void Note(string text) => Console.MarkupLine($"    {Markup.Escape(text)}");

    public void Warn(string text) => Console.MarkupLine($"    [yellow]warning:[/] {Markup.Escape(text)}");

    public void Error(string text) => Console.MarkupLine($"[red]error:[/] {Markup.Escape(text)}");

    public void Plain(string text) => Console.WriteLine(text);

    /// <summary>
    /// Runs <paramref name="work"/> with a progress line fed by its output lines: a live status line on a
    /// terminal; elsewhere (CI logs) a line count every 30 seconds, so the log stays short.
    /// </summary>
    public async Task<T> WithProgressAsync<T>(string title, Func<Action<string>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var clock = Stopwatch.StartNew();
        if (Interactive)
        {
            return await Console.Status().StartAsync(title, async ctx =>
            {
                return await work(line =>
                {
                    string shown = line.Length > 70 ? line[..70] : line;
                    ctx.Status($"{Markup.Escape(title)} [grey]{clock.Elapsed:mm\\:ss} {Markup.Escape(shown.Trim())}[/]");
                }).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }

        long lines = 0;
        TimeSpan next = TimeSpan.FromSeconds(30);
        Note(title + " ...");
        return await work(_ =>
        {
            long n = Interlocked.Increment(ref lines);
            if (clock.Elapsed >= next)
            {
                next = clock.Elapsed + TimeSpan.FromSeconds(30);
                Note($"{title}: {clock.Elapsed:mm\\:ss}, {n} lines of output");
            }
        }).ConfigureAwait(false);
    }
}
