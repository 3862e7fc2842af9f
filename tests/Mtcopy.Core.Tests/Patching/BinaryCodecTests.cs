using Mtcopy.Core.Patching;

namespace Mtcopy.Core.Tests.Patching;

public sealed class BinaryCodecTests
{
    [Fact]
    public void Base85_decodes_git_alphabet_groups()
    {
        // "0000U" = 85*85 - ... : the value 30 is digit 'U' in the last place.
        Assert.Equal(new byte[] { 0, 0, 0, 30 }, Base85.Decode("0000U"));
        Assert.Equal(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }, Base85.Decode("|NsC0"));
        Assert.Throws<FormatException>(() => Base85.Decode("|NsC1"));
        Assert.Throws<FormatException>(() => Base85.Decode("0000"));
    }

    [Fact]
    public void Base85_line_length_character_limits_the_bytes()
    {
        Assert.Equal(new byte[] { 0, 0 }, Base85.DecodeLine("B00000"));
        Assert.Throws<FormatException>(() => Base85.DecodeLine("B0000000000"));
    }

    [Fact]
    public void Delta_copies_and_inserts()
    {
        var source = "0123456789"u8.ToArray();
        // source size 10, target size 7; copy offset 2 size 3 ("234"); insert "ab"; copy offset 8 size 2 ("89").
        var delta = new byte[] { 10, 7, 0x91, 2, 3, 2, (byte)'a', (byte)'b', 0x91, 8, 2 };

        Assert.Equal("234ab89"u8.ToArray(), GitDelta.Apply(source, delta));
        Assert.Throws<FormatException>(() => GitDelta.Apply("short"u8, delta));
        Assert.Throws<FormatException>(() => GitDelta.Apply(source, new byte[] { 10, 7, 0x91, 9, 3 }));
    }

    [Fact]
    public void Blob_ids_match_git()
    {
        Assert.Equal("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391", GitObjectId.ForBlob([]));
        Assert.Equal("ce013625030ba8dba906f756967f9e9ca394464a", GitObjectId.ForBlob("hello\n"u8));
    }
}
