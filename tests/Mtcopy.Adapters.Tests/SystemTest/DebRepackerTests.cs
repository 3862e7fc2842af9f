using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.SystemTest;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Adapters.Tests.Packaging;

namespace Mtcopy.Adapters.Tests.SystemTest;

/// <summary>The negative controls' repacking, with the real dpkg-deb: a script changed, a file added, md5sums covering it.</summary>
public sealed class DebRepackerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<string> TinyDebAsync()
    {
        string tree = _temp.Combine("tree");
        Directory.CreateDirectory(Path.Combine(tree, "DEBIAN"));
        Directory.CreateDirectory(Path.Combine(tree, "usr", "share", "tiny"));
        await File.WriteAllTextAsync(Path.Combine(tree, "usr", "share", "tiny", "a"), "a\n");
        await File.WriteAllTextAsync(Path.Combine(tree, "DEBIAN", "control"),
            "Package: tiny\nVersion: 0.1.0-1\nArchitecture: all\nMaintainer: T <t@example.org>\nDescription: tiny\n");
        DebRepacker.WriteScript(tree, "postinst", "#!/bin/sh\nset -e\necho configured\n");
        string deb = _temp.Combine("tiny_0.1.0-1_all.deb");
        await ToolOutput.LinesAsync("dpkg-deb", "--root-owner-group", "-b", tree, deb);
        return deb;
    }

    [Fact]
    public async Task A_line_goes_after_the_shebang_and_an_added_file_is_in_the_package_and_its_md5sums()
    {
        string deb = await TinyDebAsync();
        string output = _temp.Combine("out", "tiny_0.1.0-1_all.deb");
        Directory.CreateDirectory(_temp.Combine("out"));

        await new DebRepacker(new ProcessRunner()).RepackAsync(deb, output, _temp.Combine("scratch"), tree =>
        {
            DebRepacker.InsertIntoScript(tree, "postinst", "touch /var/lib/leftover");
            File.WriteAllText(Path.Combine(tree, "usr", "share", "tiny", "b"), "b\n");
        }, _temp.Combine("repack.log"));

        using var control = new TempDirectory();
        await ToolOutput.LinesAsync("dpkg-deb", "--control", output, control.Path);
        IReadOnlyList<string> contents = await ToolOutput.LinesAsync("dpkg-deb", "--contents", output);
        Assert.Equal("#!/bin/sh\ntouch /var/lib/leftover\nset -e\necho configured\n", await File.ReadAllTextAsync(control.Combine("postinst")));
        Assert.Contains(contents, l => l.EndsWith("./usr/share/tiny/b", StringComparison.Ordinal) && l.Contains("root/root", StringComparison.Ordinal));
        string md5sums = await File.ReadAllTextAsync(control.Combine("md5sums"));
        Assert.Contains("  usr/share/tiny/a\n", md5sums, StringComparison.Ordinal);
        Assert.Contains("3b5d5c3712955042212316173ccf37be  usr/share/tiny/b\n", md5sums, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.Combine("scratch")));
    }
}
