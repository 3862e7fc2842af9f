using Mtcopy.Core.Smoke;
using Mtcopy.Core.Tests.Repository;

namespace Mtcopy.Core.Tests.Smoke;

public sealed class GuestTestModulesTests
{
    [Fact]
    public void Offc_test_is_the_guest_test_module()
    {
        Assert.Equal(["offc-test"], GuestTestModules.DirectoryNames);
    }

    [Fact]
    public void Only_directories_that_exist_are_built()
    {
        Assert.Equal(
            [Path.Combine("/repo/tests/guest", "offc-test")],
            GuestTestModules.SourceDirectories("/repo/tests/guest", d => d.EndsWith("offc-test", StringComparison.Ordinal)));
        Assert.Empty(GuestTestModules.SourceDirectories("/elsewhere", _ => false));
    }

    [Fact]
    public void The_repository_has_the_offc_test_sources()
    {
        string dir = Assert.Single(GuestTestModules.SourceDirectories(RepoFiles.PathOf("tests", "guest"), Directory.Exists));
        Assert.True(File.Exists(Path.Combine(dir, "Kbuild")));
        Assert.True(File.Exists(Path.Combine(dir, "offc_test.c")));
    }
}
