using Mtcopy.Adapters.Results;
using Mtcopy.Core.Results;

namespace Mtcopy.Cli;

/// <summary>
/// metadata.json across the stages of one run: the first stage of a run (a new run id) starts it
/// afresh with the reproducing command line; every stage then updates it atomically.
/// </summary>
public sealed class MetadataStore(string outDir, string runId, IReadOnlyList<string> command)
{
    public const string ToolVersion = "0.1.0";

    private readonly MetadataWriter writer = new(outDir);

    public string MetadataPath => writer.MetadataPath;

    public RunMetadata Load()
    {
        if (File.Exists(writer.MetadataPath))
        {
            try
            {
                RunMetadata existing = RunMetadataJson.Parse(File.ReadAllText(writer.MetadataPath));
                if (string.Equals(existing.RunId, runId, StringComparison.Ordinal))
                {
                    return existing;
                }
            }
            catch (FormatException)
            {
                // A damaged file from an earlier run: start again.
            }
        }

        var fresh = new RunMetadata
        {
            ToolVersion = ToolVersion,
            RunId = runId,
            StartedUtc = DateTimeOffset.UtcNow,
            Command = command,
        };
        writer.Write(fresh);
        return fresh;
    }

    public RunMetadata Update(Func<RunMetadata, RunMetadata> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        RunMetadata updated = change(Load());
        writer.Write(updated);
        return updated;
    }
}
