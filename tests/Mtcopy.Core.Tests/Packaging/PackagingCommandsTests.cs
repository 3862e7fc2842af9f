using Mtcopy.Core.Packaging;

namespace Mtcopy.Core.Tests.Packaging;

public sealed class PackagingCommandsTests
{
    [Fact]
    public void Dpkg_deb_forces_root_ownership_and_gets_source_date_epoch()
    {
        ToolCommand command = PackagingCommands.DpkgDeb("/s/root", "/o/p.deb", 1_735_689_600);

        Assert.Equal("dpkg-deb", command.Program);
        Assert.Equal(["--root-owner-group", "-Zxz", "--threads-max=1", "--build", "/s/root", "/o/p.deb"], command.Arguments);
        Assert.Equal("1735689600", command.Environment["SOURCE_DATE_EPOCH"]);
    }

    [Fact]
    public void Rpmbuild_pins_build_time_mtimes_and_host_in_a_private_topdir()
    {
        ToolCommand command = PackagingCommands.RpmBuild("/s/rpm", "/s/rpm/SPECS/x.spec", 42);

        Assert.Equal("rpmbuild", command.Program);
        Assert.Equal("-bb", command.Arguments[0]);
        Assert.Equal("/s/rpm/SPECS/x.spec", command.Arguments[^1]);
        string[] defines = command.Arguments.Zip(command.Arguments.Skip(1))
            .Where(p => p.First == "--define").Select(p => p.Second).ToArray();
        Assert.Contains("_topdir /s/rpm", defines);
        Assert.Contains("_buildhost reproducible", defines);
        Assert.Contains("use_source_date_epoch_as_buildtime 1", defines);
        Assert.Contains("clamp_mtime_to_source_date_epoch 1", defines);
        Assert.Equal("42", command.Environment["SOURCE_DATE_EPOCH"]);
        Assert.Equal("/s/rpm", command.Environment["HOME"]);
    }

    [Fact]
    public void Lintian_fails_on_errors_and_warnings_and_shows_every_tag()
    {
        ToolCommand command = PackagingCommands.Lintian("/o/p.deb");

        Assert.Equal(["--pedantic", "--fail-on", "error,warning,pedantic", "--tag-display-limit", "0", "/o/p.deb"], command.Arguments);
    }

    [Theory]
    [InlineData(RpmQueryKind.Files, "--list")]
    [InlineData(RpmQueryKind.Requires, "--requires")]
    [InlineData(RpmQueryKind.Scripts, "--scripts")]
    public void Rpm_queries_a_package_file(RpmQueryKind kind, string option)
    {
        Assert.Equal(["-qp", option, "/o/p.rpm"], PackagingCommands.RpmQuery("/o/p.rpm", kind).Arguments);
    }

    [Fact]
    public void Rpmlint_takes_the_filter_configuration()
    {
        Assert.Equal(["--config", "/r/rpmlint.toml", "/o/p.rpm"], PackagingCommands.Rpmlint("/o/p.rpm", "/r/rpmlint.toml").Arguments);
    }
}
