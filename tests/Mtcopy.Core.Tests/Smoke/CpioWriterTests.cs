using System.IO.Compression;
using System.Text;
using Mtcopy.Core.Smoke;

namespace Mtcopy.Core.Tests.Smoke;

public sealed class CpioWriterTests
{
    private static readonly DateTimeOffset Mtime = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    private static IReadOnlyList<CpioEntry> SampleEntries() =>
    [
        CpioEntry.File("/init", 0b111_101_101, Encoding.ASCII.GetBytes("#!/bin/busybox sh\n")),
        CpioEntry.CharDevice("/dev/console", 0b110_000_000, 5, 1),
        CpioEntry.Symlink("bin/sh", "busybox"),
        CpioEntry.Directory("/dev"),
        CpioEntry.Directory("bin"),
        CpioEntry.File("bin/busybox", 0b111_101_101, new byte[] { 1, 2, 3, 4, 5 }),
        CpioEntry.Directory("tmp", 0b1_111_111_111),
    ];

    private static byte[] Write(IEnumerable<CpioEntry> entries)
    {
        using var buffer = new MemoryStream();
        CpioWriter.Write(buffer, entries, Mtime);
        return buffer.ToArray();
    }

    [Fact]
    public void Reads_back_sorted_with_types_modes_devices_and_data()
    {
        List<CpioTestReader.Record> records = CpioTestReader.Read(Write(SampleEntries()));

        Assert.Equal(["bin", "bin/busybox", "bin/sh", "dev", "dev/console", "init", "tmp", "TRAILER!!!"], records.Select(r => r.Name));
        Assert.Equal([1u, 2u, 3u, 4u, 5u, 6u, 7u, 0u], records.Select(r => r.Inode));
        Assert.Equal(
            [Convert.ToUInt32("040755", 8), Convert.ToUInt32("100755", 8), Convert.ToUInt32("120777", 8), Convert.ToUInt32("040755", 8),
             Convert.ToUInt32("020600", 8), Convert.ToUInt32("100755", 8), Convert.ToUInt32("041777", 8), 0u],
            records.Select(r => r.Mode));
        Assert.All(records[..^1], r => Assert.Equal(1_700_000_000u, r.MTime));
        Assert.All(records, r => Assert.Equal((0u, 0u), (r.Uid, r.Gid)));
        Assert.Equal([2u, 1u, 1u, 2u, 1u, 1u, 2u, 1u], records.Select(r => r.NLink));
        CpioTestReader.Record console = records.Single(r => r.Name == "dev/console");
        Assert.Equal((5u, 1u), (console.RDevMajor, console.RDevMinor));
        Assert.Empty(console.Data);
        Assert.Equal("busybox", Encoding.UTF8.GetString(records.Single(r => r.Name == "bin/sh").Data));
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, records.Single(r => r.Name == "bin/busybox").Data);
        Assert.Equal("#!/bin/busybox sh\n", Encoding.ASCII.GetString(records.Single(r => r.Name == "init").Data));
    }

    [Fact]
    public void First_header_is_byte_exact()
    {
        byte[] archive = Write([CpioEntry.Directory("a")]);

        // magic, ino 1, mode 040755, uid, gid, nlink 2, mtime, size 0, dev 0:0, rdev 0:0, namesize 2, check
        string expected = "070701" + "00000001" + "000041ed" + "00000000" + "00000000" + "00000002" + "6553f100"
            + "00000000" + "00000000" + "00000000" + "00000000" + "00000000" + "00000002" + "00000000";
        Assert.Equal(expected, Encoding.ASCII.GetString(archive, 0, 110));
        Assert.Equal(new byte[] { (byte)'a', 0 }, archive[110..112]); // 110 + 2 is already a multiple of 4
        Assert.Equal("070701", Encoding.ASCII.GetString(archive, 112, 6));
        byte[] longer = Write([CpioEntry.Directory("abc")]); // 110 + 4 -> padded to 116
        Assert.Equal(new byte[] { (byte)'a', (byte)'b', (byte)'c', 0, 0, 0 }, longer[110..116]);
        Assert.Equal("070701", Encoding.ASCII.GetString(longer, 116, 6));
    }

    [Fact]
    public void Same_entries_in_any_order_give_the_same_bytes()
    {
        byte[] first = Write(SampleEntries());
        byte[] second = Write(SampleEntries().Reverse());

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("bin/busybox")]
    [InlineData("dev/console")]
    public void An_entry_needs_its_parent_directory(string orphan)
    {
        var entries = SampleEntries().Where(e => e.Path.TrimStart('/') != orphan.Split('/')[0]).ToList();

        var error = Assert.Throws<ArgumentException>(() => Write(entries));
        Assert.Contains($"needs a directory entry for '{orphan.Split('/')[0]}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("a/../b")]
    [InlineData("a//b")]
    [InlineData("./a")]
    public void Bad_paths_are_rejected(string path) =>
        Assert.Throws<ArgumentException>(() => Write([CpioEntry.Directory(path)]));

    [Fact]
    public void Duplicates_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Write([CpioEntry.Directory("/bin"), CpioEntry.Directory("bin")]));
        Assert.Contains("two entries for 'bin'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gzip_header_has_no_timestamp_and_the_archive_is_deterministic()
    {
        using var first = new MemoryStream();
        using var second = new MemoryStream();
        InitramfsArchive.WriteGzip(first, SampleEntries(), Mtime);
        InitramfsArchive.WriteGzip(second, SampleEntries().Reverse(), Mtime);
        byte[] bytes = first.ToArray();

        Assert.Equal(new byte[] { 0x1f, 0x8b, 8 }, bytes[..3]);
        Assert.Equal(0, bytes[3]); // FLG: no file name, no comment, no extra field
        Assert.Equal(new byte[] { 0, 0, 0, 0 }, bytes[4..8]); // MTIME
        Assert.Equal(bytes, second.ToArray());
        using var gunzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gunzip.CopyTo(plain);
        Assert.Equal(Write(SampleEntries()), plain.ToArray());
    }

    [Fact]
    public void Initramfs_plan_turns_into_entries_reading_host_files_through_the_callback()
    {
        var plan = new InitramfsPlan(
        [
            InitramfsItem.Directory("/lib"),
            InitramfsItem.HostFile("/lib/m.ko", "/host/m.ko", InitramfsItem.Readable),
            InitramfsItem.InlineText("/lib/contract", "threads=4\n"),
            InitramfsItem.Symlink("/lib/link.ko", "m.ko"),
        ]);
        var asked = new List<string>();

        IReadOnlyList<CpioEntry> entries = plan.ToEntries(path =>
        {
            asked.Add(path);
            return new byte[] { 42 };
        });

        Assert.Equal(["/host/m.ko"], asked);
        Assert.Equal(["/host/m.ko"], plan.HostPaths);
        Assert.Equal(new byte[] { 42 }, entries[1].Data.ToArray());
        Assert.Equal("threads=4\n", Encoding.UTF8.GetString(entries[2].Data.Span));
        Assert.Equal(Convert.ToInt32("644", 8), entries[2].Permissions);
        Assert.Equal(CpioEntryKind.Symlink, entries[3].Kind);
        Assert.Equal("m.ko", Encoding.UTF8.GetString(entries[3].Data.Span));
    }
}
