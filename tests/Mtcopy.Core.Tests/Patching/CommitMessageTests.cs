using Mtcopy.Core.Patching;

namespace Mtcopy.Core.Tests.Patching;

public sealed class CommitMessageTests
{
    [Fact]
    public void Normalizes_like_git_stripspace_but_keeps_hash_lines()
    {
        var message = "\n\nmm: subject  \n\n\n#include <x.h> is needed\t\nbody\n\n\nSigned-off-by: A <a@b>\n\n";

        Assert.Equal("mm: subject\n\n#include <x.h> is needed\nbody\n\nSigned-off-by: A <a@b>\n", CommitMessage.Normalize(message));
    }

    [Fact]
    public void Formats_dates_in_git_raw_form_keeping_the_zone()
    {
        var date = new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.FromMinutes(-330));

        Assert.Equal("@1709314200 -0530", GitDate.Format(date));
        Assert.Equal("@0 +0000", GitDate.Format(DateTimeOffset.UnixEpoch));
    }
}
