using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Core.Tests.Packaging;

public sealed class SourceTarballTests
{
    private const long Epoch = 1_735_689_600;

    private static readonly TarballFile[] Files =
    [
        new("mtcopy.c", Encoding.UTF8.GetBytes("int x;\n")),
        new("Kbuild", Encoding.UTF8.GetBytes("obj-m += mtcopy.o\n")),
        new("sub/dir/run.sh", Encoding.UTF8.GetBytes("#!/bin/sh\n"), Executable: true),
    ];

    [Fact]
    public void Entries_are_sorted_under_the_prefix_with_fixed_owner_time_and_modes()
    {
        byte[] tar = SourceTarball.CreateTar("mtcopy-0.1.0", Files, Epoch);

        var entries = new List<TarEntry>();
        using (var reader = new TarReader(new MemoryStream(tar)))
        {
            while (reader.GetNextEntry(copyData: true) is { } entry)
            {
                entries.Add(entry);
            }
        }

        Assert.Equal(
            ["mtcopy-0.1.0/", "mtcopy-0.1.0/Kbuild", "mtcopy-0.1.0/mtcopy.c", "mtcopy-0.1.0/sub/", "mtcopy-0.1.0/sub/dir/",
             "mtcopy-0.1.0/sub/dir/run.sh"],
            entries.Select(e => e.Name));
        Assert.All(entries, e =>
        {
            Assert.Equal(TarEntryFormat.Ustar, e.Format);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(Epoch), e.ModificationTime);
            Assert.Equal(0, e.Uid);
            Assert.Equal(0, e.Gid);
            Assert.Equal("root", ((PosixTarEntry)e).UserName);
            Assert.Equal("root", ((PosixTarEntry)e).GroupName);
        });
        Assert.Equal(Convert.ToInt32("644", 8), (int)entries[1].Mode);
        Assert.Equal(Convert.ToInt32("755", 8), (int)entries[0].Mode);
        Assert.Equal(Convert.ToInt32("755", 8), (int)entries[5].Mode);
        Assert.Equal(TarEntryType.Directory, entries[3].EntryType);
        using var content = new StreamReader(entries[2].DataStream!);
        Assert.Equal("int x;\n", content.ReadToEnd());
    }

    [Fact]
    public void Same_files_in_any_order_give_the_same_bytes()
    {
        byte[] first = SourceTarball.Create("mtcopy-0.1.0", Files, Epoch);
        byte[] second = SourceTarball.Create("mtcopy-0.1.0", [.. Files.Reverse()], Epoch);

        Assert.Equal(first, second);
        Assert.NotEqual(first, SourceTarball.Create("mtcopy-0.1.0", Files, Epoch + 1));
    }

    [Fact]
    public void The_gzip_header_has_no_name_and_no_time()
    {
        byte[] gz = SourceTarball.Create("mtcopy-0.1.0", Files, Epoch);

        Assert.Equal(new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0 }, gz[..8]);
        Assert.Equal(3, gz[9]);
        using var gzip = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
        using var tar = new MemoryStream();
        gzip.CopyTo(tar);
        Assert.Equal(SourceTarball.CreateTar("mtcopy-0.1.0", Files, Epoch), tar.ToArray());
    }

    [Theory]
    [InlineData("../escape.c")]
    [InlineData("/abs.c")]
    [InlineData("a//b.c")]
    [InlineData("dir/")]
    public void Unsafe_paths_are_refused(string path)
    {
        Assert.Throws<ArgumentException>(() => SourceTarball.CreateTar("p", [new TarballFile(path, Array.Empty<byte>())], Epoch));
    }

    [Fact]
    public void A_duplicate_path_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SourceTarball.CreateTar("p", [Files[0], Files[0]], Epoch));
    }
}
