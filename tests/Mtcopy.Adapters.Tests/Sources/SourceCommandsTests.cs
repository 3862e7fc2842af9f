using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Sources;

namespace Mtcopy.Adapters.Tests.Sources;

public sealed class SourceCommandsTests
{
    [Fact]
    public void Apt_download_runs_in_the_download_directory()
    {
        ProcessSpec command = SourceCommands.AptGetDownload("linux-source-6.12=6.12.117-1~deb12u1", "/c/debs/d");
        Assert.Equal("apt-get", command.Program);
        Assert.Equal(["download", "-q", "linux-source-6.12=6.12.117-1~deb12u1"], command.Arguments);
        Assert.Equal("/c/debs/d", command.WorkingDirectory);
    }

    [Fact]
    public void Apt_update_and_policy()
    {
        Assert.Equal(["update", "-q"], SourceCommands.AptGetUpdate().Arguments);
        Assert.Equal("apt-cache policy linux-source-6.12", SourceCommands.AptCachePolicy("linux-source-6.12").CommandLine);
    }

    [Fact]
    public void Dpkg_deb_and_tar_extract()
    {
        Assert.Equal("dpkg-deb -x /c/x.deb /c/out", SourceCommands.DpkgDebExtract("/c/x.deb", "/c/out").CommandLine);
        Assert.Equal(["-x", "-f", "/t/linux 6.12.tar.xz", "-C", "/c/out", "--no-same-owner"], SourceCommands.TarExtract("/t/linux 6.12.tar.xz", "/c/out").Arguments);
    }

    [Fact]
    public void Copy_takes_the_contents_of_the_source()
    {
        Assert.Equal(["-a", "--", "/home/me/linux/.", "/c/stage"], SourceCommands.CopyTree("/home/me/linux", "/c/stage").Arguments);
    }

    [Fact]
    public void Import_commands_force_add_ignored_files_with_a_fixed_identity()
    {
        ProcessSpec add = SourceCommands.GitAddEverything("/c/stage");
        ProcessSpec commit = SourceCommands.GitCommitImport("/c/stage", "Import x");

        Assert.Equal(["-C", "/c/stage", "add", "--all", "--force"], add.Arguments);
        Assert.Equal(["-C", "/c/stage", "commit", "-q", "--no-verify", "--no-gpg-sign", "-m", "Import x"], commit.Arguments);
        foreach (ProcessSpec command in new[] { SourceCommands.GitInitImport("/c/stage"), add, commit })
        {
            Assert.Equal("/dev/null", command.Environment["GIT_CONFIG_GLOBAL"]);
            Assert.Equal("1970-01-01T00:00:00Z", command.Environment["GIT_COMMITTER_DATE"]);
            Assert.Equal("mtcopy-import", command.Environment["GIT_AUTHOR_NAME"]);
        }
    }

    [Fact]
    public void Queries_of_a_users_repository_take_no_optional_locks()
    {
        Assert.All(
            new[]
            {
                SourceCommands.GitTrackedChanges("/r"), SourceCommands.GitResolveCommit("/r", "HEAD"),
                SourceCommands.GitTreeOf("/r", "abc"), SourceCommands.GitShowFile("/r", "abc", "Makefile"),
                SourceCommands.GitDescribeLocation("/r"),
            },
            c => Assert.Equal("--no-optional-locks", c.Arguments[0]));
        Assert.Equal(
            ["--no-optional-locks", "-C", "/r", "status", "--porcelain", "--untracked-files=no"],
            SourceCommands.GitTrackedChanges("/r").Arguments);
    }

    [Fact]
    public void Shallow_fetch_separates_options_from_url_and_ref()
    {
        Assert.Equal(
            ["-C", "/c/stage", "fetch", "-q", "--depth", "1", "--no-tags", "--", "git@host:repo.git", "v6.12"],
            SourceCommands.GitFetchShallow("/c/stage", "git@host:repo.git", "v6.12").Arguments);
    }

    [Fact]
    public void Every_command_captures_its_output_in_the_C_locale_without_inherited_git_variables()
    {
        Assert.All(
            new[] { SourceCommands.AptGetUpdate(), SourceCommands.TarExtract("/t/x.tar", "/c/out"), SourceCommands.GitInitImport("/c/stage"), SourceCommands.GitTreeOf("/r", "abc") },
            c =>
            {
                Assert.True(c.CaptureOutput);
                Assert.True(c.ThrowOnNonZeroExit);
                Assert.Equal("C", c.Environment["LC_ALL"]);
                Assert.Null(c.Environment["GIT_DIR"]);
                Assert.Null(c.Environment["GIT_INDEX_FILE"]);
            });
    }

    [Fact]
    public void Display_quotes_what_a_shell_would_split()
    {
        Assert.Equal("git commit -m 'it'\\''s here'", new ProcessSpec("git", ["commit", "-m", "it's here"]).CommandLine);
    }
}
