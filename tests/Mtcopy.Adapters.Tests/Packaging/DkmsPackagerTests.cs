using System.Formats.Tar;
using System.IO.Compression;
using Mtcopy.Adapters.Packaging;
using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Results;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Tests.Packaging;

public sealed class DkmsPackagerTests(PackagingFixture fixture) : IClassFixture<PackagingFixture>
{
    [Fact]
    public void Artifacts_have_the_package_names()
    {
        Assert.Equal(
            ["mtcopy-0.1.0.tar.gz", "mtcopy_0.1.0-1.dsc", "mtcopy_0.1.0.orig.tar.gz", "mtcopy_0.1.0-1.debian.tar.xz", "mtcopy-dkms_0.1.0-1_all.deb",
             "dkms-mtcopy-0.1.0-1.noarch.rpm", "SHA256SUMS"],
            Names([fixture.First.Tarball, .. fixture.First.Debian.Files, fixture.First.Rpm, fixture.First.Sha256Sums]));
        Assert.Equal(File.ReadAllBytes(fixture.First.Tarball), File.ReadAllBytes(fixture.First.Debian.OrigTarball));
        Assert.All(fixture.First.Packages, p => Assert.True(File.Exists(p), p));
    }

    [Fact]
    public void Two_builds_in_different_directories_are_byte_identical()
    {
        Assert.NotEqual(Path.GetDirectoryName(fixture.First.Deb), Path.GetDirectoryName(fixture.Second.Deb));
        Assert.Equal(File.ReadAllBytes(fixture.First.Tarball), File.ReadAllBytes(fixture.Second.Tarball));
        Assert.Equal(File.ReadAllBytes(fixture.First.Deb), File.ReadAllBytes(fixture.Second.Deb));
        Assert.Equal(File.ReadAllBytes(fixture.First.Debian.Dsc), File.ReadAllBytes(fixture.Second.Debian.Dsc));
        Assert.Equal(File.ReadAllBytes(fixture.First.Debian.DebianTarball), File.ReadAllBytes(fixture.Second.Debian.DebianTarball));
        Assert.Equal(File.ReadAllBytes(fixture.First.Rpm), File.ReadAllBytes(fixture.Second.Rpm));
        Assert.Equal(File.ReadAllText(fixture.First.Sha256Sums), File.ReadAllText(fixture.Second.Sha256Sums));
    }

    [Fact]
    public void Sha256sums_lists_every_package_sorted_with_its_hash()
    {
        string[] lines = File.ReadAllLines(fixture.First.Sha256Sums);

        string[] expected = fixture.First.Packages
            .Select(p => $"{FileHash.Sha256(p)}  {Path.GetFileName(p)}")
            .OrderBy(line => line[66..], StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(expected, lines);
    }

    [Fact]
    public async Task Tarball_holds_kmod_src_under_name_version_owned_by_root_at_the_epoch()
    {
        var entries = new List<(string Name, int Uid, string User, long Mtime, byte[] Data)>();
        await using (var gzip = new GZipStream(File.OpenRead(fixture.First.Tarball), CompressionMode.Decompress))
        await using (var reader = new TarReader(gzip))
        {
            while (await reader.GetNextEntryAsync(copyData: true) is { } entry)
            {
                using var data = new MemoryStream();
                entry.DataStream?.CopyTo(data);
                entries.Add((entry.Name, entry.Uid, ((PosixTarEntry)entry).UserName, entry.ModificationTime.ToUnixTimeSeconds(), data.ToArray()));
            }
        }

        Assert.Equal(["mtcopy-0.1.0/", "mtcopy-0.1.0/Kbuild", "mtcopy-0.1.0/Makefile", "mtcopy-0.1.0/mtcopy.c"], entries.Select(e => e.Name));
        Assert.All(entries, e => Assert.Equal((0, "root", 1_735_689_600L), (e.Uid, e.User, e.Mtime)));
        Assert.Equal(File.ReadAllBytes(RepositoryFiles.PathOf("kmod-src/mtcopy.c")), entries[3].Data);
    }

    [Fact]
    public async Task Deb_installs_the_source_and_dkms_conf_under_usr_src()
    {
        IReadOnlyList<string> contents = await ToolOutput.LinesAsync("dpkg-deb", "--contents", fixture.First.Deb);
        IReadOnlyList<string> fields = await ToolOutput.LinesAsync(
            "dpkg-deb", "--field", fixture.First.Deb, "Package", "Version", "Architecture", "Section", "Depends");

        string[] files = [.. contents.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1])];
        Assert.Contains("./usr/src/mtcopy-0.1.0/dkms.conf", files);
        Assert.Contains("./usr/src/mtcopy-0.1.0/mtcopy.c", files);
        Assert.Contains("./usr/share/doc/mtcopy-dkms/copyright", files);
        Assert.All(contents, l => Assert.Contains(" root/root ", l, StringComparison.Ordinal));
        Assert.All(contents, l => Assert.Contains(" 2025-01-01 00:00 ", l, StringComparison.Ordinal));
        Assert.Equal(
            ["Package: mtcopy-dkms", "Version: 0.1.0-1", "Architecture: all", "Section: kernel", "Depends: dkms (>= 3.0.3-4)"],
            fields);
    }

    [Fact]
    public async Task Lintian_reports_no_error_or_warning_on_the_source_package_and_the_deb()
    {
        foreach (string package in new[] { fixture.First.Debian.Dsc, fixture.First.Deb })
        {
            LintReport report = await new PackageLinter(new ProcessRunner()).LintDebAsync(package);

            Assert.True(report.Status == LintStatus.Passed, report.Describe() + "\n" + string.Join('\n', report.Output));
        }
    }

    [Fact]
    public async Task Debhelper_wrote_the_maintainer_scripts_that_build_for_the_newest_kernel_too()
    {
        using var control = new Fixtures.TempDirectory();
        await ToolOutput.LinesAsync("dpkg-deb", "--control", fixture.First.Deb, control.Path);

        string postinst = await File.ReadAllTextAsync(control.Combine("postinst"));
        Assert.Contains("/usr/lib/dkms/common.postinst", postinst, StringComparison.Ordinal);
        Assert.Contains("DKMS_NAME=mtcopy", postinst, StringComparison.Ordinal);
        Assert.DoesNotContain("uname -r", postinst, StringComparison.Ordinal);
        Assert.True(File.Exists(control.Combine("md5sums")));
    }

    [Fact]
    public async Task Rpmlint_passes()
    {
        LintReport report = await new PackageLinter(new ProcessRunner())
            .LintRpmAsync(fixture.First.Rpm, RepositoryFiles.PathOf(PackageLinter.RpmlintConfig));

        Assert.True(report.Status == LintStatus.Passed, report.Describe() + "\n" + string.Join('\n', report.Output));
    }

    [Theory]
    [InlineData("lintian")]
    [InlineData("rpmlint")]
    public async Task A_linter_that_is_not_installed_fails_the_lint(string tool)
    {
        var linter = new PackageLinter(new NoSuchProgramRunner());

        LintReport report = tool == "lintian"
            ? await linter.LintDebAsync(fixture.First.Deb)
            : await linter.LintRpmAsync(fixture.First.Rpm, RepositoryFiles.PathOf(PackageLinter.RpmlintConfig));

        Assert.Equal(LintStatus.Failed, report.Status);
        Assert.Contains($"{tool} not installed", report.Describe(), StringComparison.Ordinal);
    }

    /// <summary>Every program is missing, as on a machine without the linters.</summary>
    private sealed class NoSuchProgramRunner : IProcessRunner
    {
        public Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken = default) =>
            throw new ProcessStartException(spec.Program, spec.WorkingDirectory, new System.ComponentModel.Win32Exception(2, "No such file or directory"));
    }

    [Fact]
    public async Task Rpm_lists_the_source_requires_dkms_and_registers_with_dkms()
    {
        IReadOnlyList<string> files = await ToolOutput.RpmQueryAsync(fixture.First.Rpm, RpmQueryKind.Files);
        IReadOnlyList<string> requires = await ToolOutput.RpmQueryAsync(fixture.First.Rpm, RpmQueryKind.Requires);
        string scripts = string.Join('\n', await ToolOutput.RpmQueryAsync(fixture.First.Rpm, RpmQueryKind.Scripts));

        Assert.Equal(
            ["/usr/src/mtcopy-0.1.0", "/usr/src/mtcopy-0.1.0/Kbuild", "/usr/src/mtcopy-0.1.0/Makefile",
             "/usr/src/mtcopy-0.1.0/dkms.conf", "/usr/src/mtcopy-0.1.0/mtcopy.c"],
            files);
        Assert.Contains("dkms >= 3.0.11", requires);
        int post = scripts.IndexOf("postinstall scriptlet", StringComparison.Ordinal);
        int preun = scripts.IndexOf("preuninstall scriptlet", StringComparison.Ordinal);
        Assert.True(post >= 0 && preun > post, scripts);
        Assert.Contains("dkms add -m mtcopy -v 0.1.0 --rpm_safe_upgrade", scripts[post..preun], StringComparison.Ordinal);
        Assert.Contains("dkms remove -m mtcopy -v 0.1.0 --all --rpm_safe_upgrade", scripts[preun..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rpm_header_carries_the_epoch_and_the_pinned_build_host()
    {
        IReadOnlyList<string> info = await ToolOutput.RpmQueryAsync(fixture.First.Rpm, RpmQueryKind.Info);

        Assert.Contains(info, l => l.StartsWith("Build Host  : reproducible", StringComparison.Ordinal));
        Assert.Contains(info, l => l.StartsWith("Build Date  : Wed Jan  1 00:00:00 2025", StringComparison.Ordinal));
        Assert.Contains(info, l => l.StartsWith("License     : GPL-2.0-only", StringComparison.Ordinal));
        Assert.Contains(info, l => l.StartsWith("URL         : https://example.org/mtcopy", StringComparison.Ordinal));
    }

    [Fact]
    public void Dpkg_deb_and_rpmbuild_ran_with_source_date_epoch()
    {
        List<ProcessSpec> specs = fixture.Runner.Specs;

        Assert.Equal(["dpkg-buildpackage", "rpmbuild"], specs.Select(s => s.Program));
        Assert.All(specs, s => Assert.Equal("1735689600", s.Environment["SOURCE_DATE_EPOCH"]));
    }

    private static IEnumerable<string?> Names(string[] paths) => paths.Select(Path.GetFileName);
}
