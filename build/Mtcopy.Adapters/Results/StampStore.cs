using Mtcopy.Core;
using Mtcopy.Core.Results;

namespace Mtcopy.Adapters.Results;

/// <summary>
/// Stage stamps as JSON files under a state directory (<c>&lt;state&gt;/stamps/&lt;stage&gt;.json</c>),
/// written atomically. A damaged stamp counts as no stamp: the stage simply runs again.
/// </summary>
public sealed class StampStore
{
    public StampStore(string stateDir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateDir);
        StateDir = Path.GetFullPath(stateDir);
    }

    public string StateDir { get; }

    public string PathFor(string stage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stage);
        if (!stage.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') || stage.StartsWith('.'))
        {
            throw new UserErrorException($"'{stage}' is not a valid stage name (letters, digits, '-', '_', '.').");
        }

        return Path.Combine(StateDir, "stamps", stage + ".json");
    }

    /// <summary>The stored stamp, or null when there is none or it cannot be read.</summary>
    public StageStamp? Read(string stage)
    {
        string path = PathFor(stage);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            StageStamp stamp = StageStampJson.Parse(File.ReadAllText(path));
            return string.Equals(stamp.Stage, stage, StringComparison.Ordinal) ? stamp : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public void Write(StageStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        AtomicFile.WriteAllText(PathFor(stamp.Stage), StageStampJson.Serialize(stamp));
    }

    /// <summary>Hashes the outputs (absolute paths) and stores the stamp of a stage that just passed.</summary>
    public StageStamp Record(string stage, string key, IReadOnlyDictionary<string, string> inputs, IEnumerable<string> outputPaths)
    {
        ArgumentNullException.ThrowIfNull(outputPaths);
        var outputs = outputPaths
            .Select(Path.GetFullPath)
            .Select(p => new StampedOutput(p, FileHash.Sha256OrNull(p)
                ?? throw new FileNotFoundException($"Stage '{stage}' reported output {p}, which does not exist.", p)))
            .ToList();
        var stamp = new StageStamp(stage, key, inputs, outputs);
        Write(stamp);
        return stamp;
    }

    /// <summary>
    /// Whether the stage can be skipped given the key of the current inputs; with the inputs themselves, a changed
    /// key's reason names the inputs that changed.
    /// </summary>
    public SkipVerdict Check(string stage, string currentKey, IReadOnlyDictionary<string, string>? currentInputs = null) =>
        SkipDecision.Decide(Read(stage), currentKey, FileHash.Sha256OrNull, currentInputs);

    /// <summary>Forgets a stage, e.g. before running it, so that a failed run never looks done.</summary>
    public void Invalidate(string stage)
    {
        string path = PathFor(stage);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
