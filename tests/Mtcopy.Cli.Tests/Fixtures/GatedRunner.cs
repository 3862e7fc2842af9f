using Mtcopy.Adapters.Process;

namespace Mtcopy.Cli.Tests.Fixtures;

/// <summary>
/// The real process runner for the programs a fake kernel tree needs (make, git, tar, sh and the tree's own scripts);
/// any other program (qemu, gcc, dpkg-deb...) is refused as a program that cannot start, and recorded, so a test
/// sees that a stage went for it without it running.
/// </summary>
public sealed class GatedRunner : IProcessRunner
{
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal) { "make", "git", "sh", "bash", "cp", "tar", "dpkg-query", "perl" };

    private readonly ProcessRunner inner = new();

    private readonly List<ProcessSpec> refused = [];

    private readonly List<ProcessSpec> ran = [];

    /// <summary>The programs asked for that were refused, in order.</summary>
    public IReadOnlyList<string> Refused
    {
        get
        {
            lock (refused)
            {
                return [.. refused.Select(s => s.Program)];
            }
        }
    }

    /// <summary>Every program that ran, with its arguments, one line each.</summary>
    public IReadOnlyList<string> Ran
    {
        get
        {
            lock (ran)
            {
                return [.. ran.Select(s => string.Join(' ', [s.Program, .. s.Arguments]))];
            }
        }
    }

    public Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string name = Path.GetFileName(spec.Program);
        if (!Allowed.Contains(name) && !name.EndsWith(".sh", StringComparison.Ordinal))
        {
            lock (refused)
            {
                refused.Add(spec);
            }

            throw new ProcessStartException($"{spec.Program}: not run in this test (the stage asked for it)");
        }

        lock (ran)
        {
            ran.Add(spec);
        }

        return inner.RunAsync(spec, cancellationToken);
    }
}
