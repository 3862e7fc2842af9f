using Mtcopy.Core.Results;

namespace Mtcopy.Adapters.Results;

/// <summary>
/// Writes <c>metadata.json</c> into the output directory, atomically. Call it when the run
/// starts (so a crashed run still leaves the command that reproduces it) and again at the end.
/// </summary>
public sealed class MetadataWriter
{
    public const string FileName = "metadata.json";

    public MetadataWriter(string outputDir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDir);
        OutputDir = Path.GetFullPath(outputDir);
    }

    public string OutputDir { get; }

    public string MetadataPath => Path.Combine(OutputDir, FileName);

    public void Write(RunMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        AtomicFile.WriteAllText(MetadataPath, RunMetadataJson.Serialize(metadata));
    }
}
