using Mtcopy.Core;

namespace Mtcopy.Adapters.Process;

/// <summary>A program could not be started: not installed, not executable, or the working directory is missing.</summary>
public sealed class ProcessStartException : UserErrorException
{
    public ProcessStartException(string message) : base(message) { }

    public ProcessStartException(string program, string? workingDirectory, Exception inner)
        : base($"Could not start '{program}'"
            + (workingDirectory is null ? string.Empty : $" in {workingDirectory}")
            + ": make sure it is installed and on PATH (and that the directory exists). " + inner?.Message, inner!)
    {
    }
}
