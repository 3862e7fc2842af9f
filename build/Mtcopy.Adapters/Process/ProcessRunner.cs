using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using CliWrap;

namespace Mtcopy.Adapters.Process;

/// <summary>
/// Runs processes with CliWrap: arguments are passed as a list, stdout and stderr lines are
/// appended to the spec's log file and handed to its callback as they arrive (or, when the spec
/// captures, kept whole), and a timeout or cancellation kills the whole process tree.
/// </summary>
public sealed class ProcessRunner(int tailLines = ProcessRunner.DefaultTailLines) : IProcessRunner
{
    public const int DefaultTailLines = 50;

    public async Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        await using var output = new ProcessOutput(spec, tailLines);
        output.Note($"in {spec.WorkingDirectory ?? Directory.GetCurrentDirectory()}: {spec.CommandLine}");
        var clock = Stopwatch.StartNew();
        int exitCode = await ExecuteAsync(spec, output, cancellationToken).ConfigureAwait(false);
        clock.Stop();
        output.Note(string.Create(CultureInfo.InvariantCulture, $"exit code {exitCode} after {clock.Elapsed.TotalSeconds:0.0} s"));
        ProcessResult result = output.ToResult(exitCode, clock.Elapsed);
        return exitCode != 0 && spec.ThrowOnNonZeroExit ? throw new ProcessFailedException(spec, result) : result;
    }

    /// <summary>Runs the command to its end and returns its exit code; turns a timeout and a failed start into our exceptions.</summary>
    private static async Task<int> ExecuteAsync(ProcessSpec spec, ProcessOutput output, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (spec.Timeout is { } limit)
        {
            timeout.CancelAfter(limit);
        }

        try
        {
            return (await Command(spec, output).ExecuteAsync(timeout.Token).ConfigureAwait(false)).ExitCode;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && spec.Timeout is { } limitHit)
        {
            output.Note(string.Create(CultureInfo.InvariantCulture, $"killed after the {limitHit.TotalSeconds:0.###} s timeout"));
            throw new ProcessTimedOutException(spec, limitHit, output.LastLines(), e);
        }
        catch (Win32Exception e)
        {
            throw new ProcessStartException(spec.Program, spec.WorkingDirectory, e);
        }
        catch (InvalidOperationException e) when (e.InnerException is Win32Exception)
        {
            throw new ProcessStartException(spec.Program, spec.WorkingDirectory, e);
        }
    }

    /// <summary>The CliWrap command for <paramref name="spec"/>, its pipes wired to <paramref name="output"/>.</summary>
    private static Command Command(ProcessSpec spec, ProcessOutput output)
    {
        PipeTarget lines = PipeTarget.ToDelegate(output.AddLine);
        Command command = Cli.Wrap(spec.Program)
            .WithArguments(spec.Arguments)
            .WithEnvironmentVariables(spec.Environment)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(spec.CaptureOutput ? PipeTarget.ToStream(output.CapturedStdout) : lines)
            .WithStandardErrorPipe(spec.CaptureOutput ? PipeTarget.Merge(PipeTarget.ToStream(output.CapturedStderr), lines) : lines);
        if (spec.WorkingDirectory is not null)
        {
            command = command.WithWorkingDirectory(spec.WorkingDirectory);
        }

        return spec.StandardInput is { } input ? command.WithStandardInputPipe(PipeSource.FromBytes(input)) : command;
    }
}
