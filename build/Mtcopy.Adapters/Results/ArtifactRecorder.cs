using Mtcopy.Core.Results;

namespace Mtcopy.Adapters.Results;

/// <summary>Describes files in the output directory as <see cref="ArtifactRecord"/>s.</summary>
public static class ArtifactRecorder
{
    /// <summary>Size, SHA-256 and the path relative to <paramref name="outputDir"/> ('/' separated).</summary>
    public static ArtifactRecord Record(string outputDir, string filePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDir);
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        string root = Path.GetFullPath(outputDir);
        string full = Path.GetFullPath(filePath, root);
        string relative = Path.GetRelativePath(root, full);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new ArgumentException($"Artifact {full} is not inside the output directory {root}.", nameof(filePath));
        }

        var info = new FileInfo(full);
        return new ArtifactRecord(relative.Replace(Path.DirectorySeparatorChar, '/'), info.Length, FileHash.Sha256(full));
    }
}
