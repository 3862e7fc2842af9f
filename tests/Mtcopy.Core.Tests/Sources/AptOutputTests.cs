using Mtcopy.Core.Sources;

namespace Mtcopy.Core.Tests.Sources;

public sealed class AptOutputTests
{
    [Theory]
    [InlineData("E: Unable to locate package linux-source-6.12\n", AptDownloadFailure.PackageUnknown)]
    [InlineData("E: Version '6.12.1-1' for 'linux-source-6.12' was not found\n", AptDownloadFailure.VersionNotFound)]
    [InlineData("E: Failed to fetch http://deb.debian.org/x.deb  Could not resolve host\n", AptDownloadFailure.Other)]
    [InlineData("", AptDownloadFailure.Other)]
    public void Classifies_download_failures(string stderr, AptDownloadFailure expected)
    {
        Assert.Equal(expected, AptOutput.ClassifyDownloadFailure(stderr));
    }

    [Fact]
    public void Candidate_from_policy()
    {
        const string policy = """
            linux-source-6.12:
              Installed: (none)
              Candidate: 6.12.117-1~deb12u1
              Version table:
                 6.12.117-1~deb12u1 500
                    500 http://security.debian.org/debian-security bookworm-security/main amd64 Packages
            """;
        Assert.Equal("6.12.117-1~deb12u1", AptOutput.ParsePolicyCandidate(policy));
    }

    [Theory]
    [InlineData("linux-source-9.9:\n  Installed: (none)\n  Candidate: (none)\n  Version table:\n")]
    [InlineData("")]
    [InlineData("N: Unable to locate package linux-source-9.9\n")]
    public void No_candidate(string policy)
    {
        Assert.Null(AptOutput.ParsePolicyCandidate(policy));
    }
}
