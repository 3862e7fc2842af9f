using Mtcopy.Core.Sources;
using Mtcopy.Core;

namespace Mtcopy.Core.Tests.Sources;

public sealed class KernelSourceSpecTests
{
    private static readonly HashSet<string> Directories = new(StringComparer.Ordinal) { "/src/linux", "../tree", "/src/odd.tar" };
    private static readonly HashSet<string> Files = new(StringComparer.Ordinal)
    {
        "/dl/linux-6.12.tar.xz", "linux.tar.gz", "LINUX.TGZ", "k.tar", "/dl/notes.txt", "/dl/linux.tar.bz2",
    };

    private static KernelSourceSpec Parse(string argument) => KernelSourceSpec.Parse(argument, Directories.Contains, Files.Contains);

    [Theory]
    [InlineData("debian:6.12", "6.12")]
    [InlineData("debian:7.2", "7.2")]
    [InlineData("debian:6.1", "6.1")]
    public void Debian_series(string argument, string series)
    {
        Assert.Equal(new DebianPackageSource(series), Parse(argument));
    }

    [Theory]
    [InlineData("debian:")]
    [InlineData("debian:6")]
    [InlineData("debian:6.12.1")]
    [InlineData("debian:v6.12")]
    [InlineData("debian:06.12")]
    [InlineData("debian:6.x")]
    public void Debian_bad_series_is_a_user_error(string argument)
    {
        var error = Assert.Throws<UserErrorException>(() => Parse(argument));
        Assert.Contains("<major>.<minor>", error.Message, StringComparison.Ordinal);
        Assert.Contains("Accepted forms", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/src/linux")]
    [InlineData("../tree")]
    [InlineData("/src/odd.tar")]
    public void Existing_directory_is_a_local_path(string argument)
    {
        Assert.Equal(new LocalPathSource(argument), Parse(argument));
    }

    [Theory]
    [InlineData("/dl/linux-6.12.tar.xz")]
    [InlineData("linux.tar.gz")]
    [InlineData("LINUX.TGZ")]
    [InlineData("k.tar")]
    public void Existing_tarball(string argument)
    {
        Assert.Equal(new TarballSource(argument), Parse(argument));
    }

    [Fact]
    public void Missing_tarball_is_a_user_error()
    {
        var error = Assert.Throws<UserErrorException>(() => Parse("/dl/missing.tar.xz"));
        Assert.Contains("no such tarball", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dl/notes.txt")]
    [InlineData("/dl/linux.tar.bz2")]
    public void Existing_file_of_another_kind_is_a_user_error(string argument)
    {
        var error = Assert.Throws<UserErrorException>(() => Parse(argument));
        Assert.Contains("not a supported tarball", error.Message, StringComparison.Ordinal);
        Assert.Contains(".tar.xz, .tar.gz, .tgz, .tar", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("git:https://git.kernel.org/pub/scm/linux/kernel/git/stable/linux.git@v6.12.1",
        "https://git.kernel.org/pub/scm/linux/kernel/git/stable/linux.git", "v6.12.1")]
    [InlineData("git:git@host:repo.git@v6.12", "git@host:repo.git", "v6.12")]
    [InlineData("git:file:///tmp/x.git@main", "file:///tmp/x.git", "main")]
    [InlineData("git:ssh://me@host/linux.git@stable/linux-6.12.y", "ssh://me@host/linux.git", "stable/linux-6.12.y")]
    [InlineData("git:/srv/git/linux@0123456789abcdef0123456789abcdef01234567", "/srv/git/linux", "0123456789abcdef0123456789abcdef01234567")]
    public void Git_remote_ref_is_after_the_last_at(string argument, string url, string gitRef)
    {
        Assert.Equal(new GitRemoteSource(url, gitRef), Parse(argument));
    }

    [Theory]
    [InlineData("git:https://example.org/linux.git")]
    [InlineData("git:git@host:repo.git")]
    [InlineData("git:https://example.org/linux.git@")]
    [InlineData("git:@main")]
    [InlineData("git:-oProxyCommand=x@main")]
    [InlineData("git:https://example.org/linux.git@-delete")]
    [InlineData("git:https://example.org/linux.git@a..b")]
    [InlineData("git:https://example.org/linux.git@main~1")]
    [InlineData("git:https://example.org/linux.git@ma in")]
    [InlineData("git:https://exa mple.org/linux.git@main")]
    public void Git_remote_without_a_usable_url_or_ref_is_a_user_error(string argument)
    {
        var error = Assert.Throws<UserErrorException>(() => Parse(argument));
        Assert.Contains("git:<url>@<ref>", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/no/such/dir")]
    [InlineData("linux")]
    [InlineData("Debian:6.12")]
    public void Unrecognised_input_lists_every_accepted_form(string argument)
    {
        var error = Assert.Throws<UserErrorException>(() => Parse(argument));
        Assert.IsType<UserErrorException>(error, exactMatch: false);
        foreach (string form in new[] { "debian:<major>.<minor>", "<directory>", "<file>.tar.xz|.tar.gz|.tgz|.tar", "git:<url>@<ref>" })
        {
            Assert.Contains(form, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_bare_url_gets_a_hint_to_use_git_prefix()
    {
        var error = Assert.Throws<UserErrorException>(() => Parse("https://example.org/linux.git"));
        Assert.Contains("looks like a URL", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("debian:6.12")]
    [InlineData("git:git@host:repo.git@v6.12")]
    [InlineData("/src/linux")]
    [InlineData("linux.tar.gz")]
    public void ToArgument_round_trips(string argument)
    {
        Assert.Equal(argument, Parse(argument).ToArgument());
    }

    [Fact]
    public void Parse_without_probes_checks_the_real_disk()
    {
        string dir = Directory.CreateTempSubdirectory("mtcopy-spec-").FullName;
        try
        {
            Assert.Equal(new LocalPathSource(dir), KernelSourceSpec.Parse(dir));
            Assert.Throws<UserErrorException>(() => KernelSourceSpec.Parse(Path.Combine(dir, "nope")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
