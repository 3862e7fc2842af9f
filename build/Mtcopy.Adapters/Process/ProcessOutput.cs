using System.Text;

namespace Mtcopy.Adapters.Process;

/// <summary>
/// Where one run's output goes: the spec's log file (with "# mtcopy:" notes), the last lines kept
/// for messages, the spec's line callback and, when the spec captures, whole stdout and stderr.
/// Lines arrive from two pipes; one lock keeps them in order.
/// </summary>
internal sealed class ProcessOutput : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly ProcessSpec _spec;
    private readonly OutputTail _tail;
    private readonly StreamWriter? _log;

    public ProcessOutput(ProcessSpec spec, int tailLines)
    {
        _spec = spec;
        _tail = new OutputTail(tailLines);
        _log = OpenLog(spec.LogPath);
    }

    /// <summary>Whole standard output, filled when the spec captures.</summary>
    public MemoryStream CapturedStdout { get; } = new();

    /// <summary>Whole standard error, filled when the spec captures.</summary>
    public MemoryStream CapturedStderr { get; } = new();

    public void AddLine(string line)
    {
        lock (_gate)
        {
            _log?.WriteLine(line);
            _tail.Add(line);
            _spec.OnLine?.Invoke(line);
        }
    }

    /// <summary>A "# mtcopy: ..." line in the log (not in the tail or the callback).</summary>
    public void Note(string text)
    {
        lock (_gate)
        {
            _log?.WriteLine("# mtcopy: " + text);
        }
    }

    public IReadOnlyList<string> LastLines()
    {
        lock (_gate)
        {
            return _tail.ToList();
        }
    }

    public ProcessResult ToResult(int exitCode, TimeSpan duration) =>
        new(exitCode, duration, LastLines(), _spec.LogPath)
        {
            StandardOutput = CapturedStdout.ToArray(),
            StandardError = Encoding.UTF8.GetString(CapturedStderr.ToArray()),
        };

    public async ValueTask DisposeAsync()
    {
        if (_log is not null)
        {
            await _log.DisposeAsync().ConfigureAwait(false);
        }

        await CapturedStdout.DisposeAsync().ConfigureAwait(false);
        await CapturedStderr.DisposeAsync().ConfigureAwait(false);
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
