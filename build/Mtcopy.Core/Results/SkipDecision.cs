namespace Mtcopy.Core.Results;

/// <summary>Skip a stage only if its stamp key matches and every recorded output still has the same hash.</summary>
public static class SkipDecision
{
    /// <param name="stamp">The stored stamp, or null when there is none.</param>
    /// <param name="currentKey">The key computed from the current inputs.</param>
    /// <param name="currentHash">The current SHA-256 of an output path, or null when it does not exist.</param>
    /// <param name="currentInputs">The named inputs the key was computed from: when given, a changed key names the inputs that changed.</param>
    public static SkipVerdict Decide(StageStamp? stamp, string currentKey, Func<string, string?> currentHash,
        IReadOnlyDictionary<string, string>? currentInputs = null)
    {
        ArgumentNullException.ThrowIfNull(currentKey);
        ArgumentNullException.ThrowIfNull(currentHash);
        if (stamp is null)
        {
            return new SkipVerdict(false, "no record of a previous run");
        }

        if (!string.Equals(stamp.Key, currentKey, StringComparison.Ordinal))
        {
            return new SkipVerdict(false, currentInputs is null
                ? "inputs changed since the previous run"
                : "changed since the previous run: " + string.Join(", ", ChangedInputs(stamp.Inputs, currentInputs)));
        }

        foreach (StampedOutput output in stamp.Outputs)
        {
            string? hash = currentHash(output.Path);
            if (hash is null)
            {
                return new SkipVerdict(false, $"output {output.Path} is missing");
            }

            if (!string.Equals(hash, output.Sha256, StringComparison.Ordinal))
            {
                return new SkipVerdict(false, $"output {output.Path} changed since the previous run");
            }
        }

        return new SkipVerdict(true, "inputs and outputs unchanged since the previous run");
    }

    /// <summary>The names of the inputs whose value differs, or that only one side has, in ordinal order.</summary>
    public static IEnumerable<string> ChangedInputs(IReadOnlyDictionary<string, string> previous, IReadOnlyDictionary<string, string> current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        return current.Keys.Union(previous.Keys, StringComparer.Ordinal)
            .Where(k => current.GetValueOrDefault(k) != previous.GetValueOrDefault(k))
            .Order(StringComparer.Ordinal);
    }
}
