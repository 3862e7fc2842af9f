using Mtcopy.Core.Packaging;

namespace Mtcopy.Core.Tests.Packaging;

public sealed class ChecksumFileTests
{
    [Fact]
    public void Lines_are_hash_two_spaces_name_sorted_by_name()
    {
        string text = ChecksumFile.Format(new Dictionary<string, string>
        {
            ["mtcopy-dkms_0.1.0_all.deb"] = "bb",
            ["dkms-mtcopy-0.1.0-1.noarch.rpm"] = "aa",
            ["mtcopy-0.1.0.tar.gz"] = "cc",
        });

        Assert.Equal("aa  dkms-mtcopy-0.1.0-1.noarch.rpm\ncc  mtcopy-0.1.0.tar.gz\nbb  mtcopy-dkms_0.1.0_all.deb\n", text);
    }

    [Fact]
    public void A_name_with_a_newline_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ChecksumFile.Format([new KeyValuePair<string, string>("a\nb", "00")]));
    }
}
