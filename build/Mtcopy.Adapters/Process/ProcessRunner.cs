using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using CliWrap;

namespace Mtcopy.Adapters.Process;

/// <summary>
/// Runs processes with CliWrap: arguments are passed as a list, stdout and stderr lines are
/// appended to the spec's log file and handed to its callback as they arrive, and a timeout or
/// cancellation kills the whole process tree.
/// </summary>
public sealed class ProcessRunner(int tailLines = ProcessRunner.DefaultTailLines) : IProcessRunner
{
    public const int DefaultTailLines = 50;

    public async Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var tail = new OutputTail(tailLines);
        var gate = new Lock();
        await using StreamWriter? log = OpenLog(spec.LogPath);
        log?.WriteLine($"# mtcopy: in {spec.WorkingDirectory ?? Directory.GetCurrentDirectory()}: {spec.CommandLine}");

        void OnLine(string line)
        {
            lock (gate)
            {
                log?.WriteLine(line);
                tail.Add(line);
                spec.OnLine?.Invoke(line);
            }
        }

        Command command = Cli.Wrap(spec.Program)
            .WithArguments(spec.Arguments)
            .WithEnvironmentVariables(spec.Environment)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(OnLine))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(OnLine));
        if (spec.WorkingDirectory is not null)
        {
            command = command.WithWorkingDirectory(spec.WorkingDirectory);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (spec.Timeout is { } limit)
        {
            timeout.CancelAfter(limit);
        }

        var clock = Stopwatch.StartNew();
        CommandResult result;
        try
        {
            result = await command.ExecuteAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && spec.Timeout is { } limitHit)
        {
            lock (gate)
            {
                log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# mtcopy: killed after the {limitHit.TotalSeconds:0.###} s timeout"));
                throw new ProcessTimedOutException(spec, limitHit, tail.ToList(), e);
            }
        }
        catch (Win32Exception e)
        {
            throw new ProcessStartException(spec.Program, spec.WorkingDirectory, e);
        }
        catch (InvalidOperationException e) when (e.InnerException is Win32Exception)
        {
            throw new ProcessStartException(spec.Program, spec.WorkingDirectory, e);
        }

        clock.Stop();
        IReadOnlyList<string> lastLines;
        lock (gate)
        {
            log?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"# mtcopy: exit code {result.ExitCode} after {clock.Elapsed.TotalSeconds:0.0} s"));
            lastLines = tail.ToList();
        }

        if (result.ExitCode != 0 && spec.ThrowOnNonZeroExit)
        {
            throw new ProcessFailedException(spec.Program, spec.Arguments, result.ExitCode, lastLines, spec.LogPath);
        }

        return new ProcessResult(result.ExitCode, clock.Elapsed, lastLines, spec.LogPath);
    }

    private static StreamWriter? OpenLog(string? path)
    {
        if (path is null)
        {
            return null;
        }

        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        return new StreamWriter(stream) { AutoFlush = true, NewLine = "\n" };
    }
}
