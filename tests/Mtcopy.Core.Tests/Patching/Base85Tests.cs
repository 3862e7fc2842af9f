using Mtcopy.Core.Patching;

namespace Mtcopy.Core.Tests.Patching;

public sealed class Base85Tests
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
}
