using Mtcopy.Core.Packaging;

namespace Mtcopy.Core.Tests.Packaging;

public sealed class StalePackagesTests
{
    [Fact]
    public void An_earlier_runs_packages_are_stale_and_this_runs_and_other_files_are_not()
    {
        string[] present =
        [
            "mtcopy-dkms_0.1.0_all.deb", "mtcopy-dkms_0.1.0-1_all.deb", "kmod-mtcopy-0.1.0-1.x86_64.rpm",
            "mtcopy_0.1.0-1.dsc", "mtcopy_0.1.0.orig.tar.gz", "SHA256SUMS", "notes.txt",
        ];
        string[] made = ["mtcopy-dkms_0.1.0-1_all.deb", "mtcopy_0.1.0-1.dsc", "mtcopy_0.1.0.orig.tar.gz"];

        Assert.Equal(["kmod-mtcopy-0.1.0-1.x86_64.rpm", "mtcopy-dkms_0.1.0_all.deb"], StalePackages.Find(present, made));
    }

    [Fact]
    public void Nothing_is_stale_when_the_run_made_every_package_there()
    {
        Assert.Empty(StalePackages.Find(["a.deb", "SHA256SUMS"], ["a.deb"]));
    }
}
