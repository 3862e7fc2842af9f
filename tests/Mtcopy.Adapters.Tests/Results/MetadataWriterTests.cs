using Mtcopy.Adapters.Results;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Core.Results;

namespace Mtcopy.Adapters.Tests.Results;

public sealed class MetadataWriterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Writes_at_start_and_rewrites_at_end()
    {
        var writer = new MetadataWriter(_temp.Combine("out"));
        var started = new RunMetadata
        {
            ToolVersion = "0.1.0",
            StartedUtc = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Command = ["mtcopy", "build", "--jobs", "2"],
        };

        writer.Write(started);
        RunMetadata atStart = RunMetadataJson.Parse(File.ReadAllText(writer.MetadataPath));

        string image = _temp.Combine("out", "boot", "bzImage");
        Directory.CreateDirectory(Path.GetDirectoryName(image)!);
        File.WriteAllText(image, "kernel");
        RunMetadata finished = started.WithStage(StageResult.Pass("build", TimeSpan.FromSeconds(2))) with
        {
            FinishedUtc = started.StartedUtc.AddSeconds(2),
            Artifacts = [ArtifactRecorder.Record(writer.OutputDir, image)],
        };
        writer.Write(finished);

        Assert.Null(atStart.FinishedUtc);
        Assert.Equal("mtcopy build --jobs 2", atStart.CommandLine);
        Assert.Equal(RunMetadataJson.Serialize(finished), File.ReadAllText(writer.MetadataPath));
        Assert.Equal(Path.Combine(_temp.Path, "out", "metadata.json"), writer.MetadataPath);
        Assert.Equal(["boot", "metadata.json"], Directory.EnumerateFileSystemEntries(writer.OutputDir)
            .Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Artifact_record_has_relative_path_size_and_hash()
    {
        string file = _temp.Combine("debs", "linux-image.deb");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "abc");

        ArtifactRecord record = ArtifactRecorder.Record(_temp.Path, file);

        Assert.Equal(new ArtifactRecord("debs/linux-image.deb", 3, ContentHash.Sha256("abc")), record);
        Assert.Throws<ArgumentException>(() => ArtifactRecorder.Record(_temp.Combine("debs"), _temp.Combine("elsewhere")));
    }
}
