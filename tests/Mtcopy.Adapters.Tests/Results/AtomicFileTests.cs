using Mtcopy.Adapters.Results;
using Mtcopy.Adapters.Tests.Fixtures;

namespace Mtcopy.Adapters.Tests.Results;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Creates_directory_writes_utf8_without_bom_and_leaves_no_temporary_file()
    {
        string path = _temp.Combine("a", "b", "metadata.json");

        AtomicFile.WriteAllText(path, "{\"name\": \"é\"}\n");

        Assert.Equal("{\"name\": \"é\"}\n"u8.ToArray(), File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(_temp.Combine("a", "b")));
    }

    [Fact]
    public void Replaces_existing_content_whole()
    {
        string path = _temp.Combine("stamp.json");
        AtomicFile.WriteAllText(path, new string('x', 10_000));

        AtomicFile.WriteAllText(path, "short");

        Assert.Equal("short", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void A_reader_holding_the_old_file_keeps_reading_the_old_content()
    {
        string path = _temp.Combine("metadata.json");
        AtomicFile.WriteAllText(path, "old");
        using FileStream reader = File.OpenRead(path);

        AtomicFile.WriteAllText(path, "new");

        using var oldContent = new StreamReader(reader);
        Assert.Equal("old", oldContent.ReadToEnd());
        Assert.Equal("new", File.ReadAllText(path));
    }
}
