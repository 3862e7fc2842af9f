namespace Mtcopy.Adapters.Process;

/// <summary>Runs a process described by a <see cref="ProcessSpec"/>; the seam adapters are tested through.</summary>
public interface IProcessRunner
{
    /// <exception cref="ProcessFailedException">Non-zero exit and <see cref="ProcessSpec.ThrowOnNonZeroExit"/>.</exception>
    /// <exception cref="ProcessTimedOutException">The spec's timeout passed; the process tree was killed.</exception>
    /// <exception cref="ProcessStartException">The program could not be started.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; the process tree was killed.</exception>
    Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken = default);
}
