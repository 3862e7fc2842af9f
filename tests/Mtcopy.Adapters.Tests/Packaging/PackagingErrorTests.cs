using Mtcopy.Adapters.Packaging;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Core;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Tests.Packaging;

public sealed class PackagingErrorTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_template_naming_an_unknown_value_fails_with_its_file_and_line()
    {
        string repository = CopyTemplates();
        string control = Path.Combine(repository, "packaging", "deb", "debian", "control.sbn");
        var lines = File.ReadAllLines(control).ToList();
        lines.Insert(3, "Essential: {{ essential }}");
        File.WriteAllLines(control, lines);
        var runner = new RecordingRunner();

        var e = await Assert.ThrowsAsync<TemplateException>(
            () => new DkmsPackager(runner).BuildAsync(PackagingFixture.Request(_temp, "t", PackagingFixture.Model, repository)));

        Assert.StartsWith("packaging/deb/debian/control.sbn:4:", e.Message, StringComparison.Ordinal);
        Assert.Contains("essential", e.Message, StringComparison.Ordinal);
        Assert.Empty(runner.Specs);
    }

    [Fact]
    public async Task A_missing_template_says_where_it_was_looked_for()
    {
        string repository = CopyTemplates();
        File.Delete(Path.Combine(repository, "packaging", "rpm", "dkms-mtcopy.spec.sbn"));

        var e = await Assert.ThrowsAsync<UserErrorException>(
            () => new DkmsPackager(new RecordingRunner()).BuildAsync(PackagingFixture.Request(_temp, "m", PackagingFixture.Model, repository)));

        Assert.Contains("packaging/rpm/dkms-mtcopy.spec.sbn not found under " + repository, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Module_source_leaves_out_kbuild_outputs_and_hidden_files()
    {
        string source = _temp.Combine("kmod");
        Directory.CreateDirectory(Path.Combine(source, ".tmp_versions"));
        foreach (string name in new[] { "Kbuild", "mtcopy.c", "mtcopy.o", "mtcopy.ko", ".mtcopy.o.cmd", "Module.symvers", "modules.order", ".tmp_versions/x" })
        {
            File.WriteAllText(Path.Combine(source, name), name);
        }

        IReadOnlyList<TarballFile> files = ModuleSourceReader.Read(source);

        Assert.Equal(["Kbuild", "mtcopy.c"], files.Select(f => f.RelativePath));
    }

    [Fact]
    public void A_symlink_in_the_module_source_is_refused()
    {
        string source = _temp.Combine("kmod");
        Directory.CreateDirectory(source);
        File.WriteAllText(Path.Combine(source, "Kbuild"), "obj-m += x.o\n");
        File.CreateSymbolicLink(Path.Combine(source, "x.c"), "/etc/hostname");

        var e = Assert.Throws<UserErrorException>(() => ModuleSourceReader.Read(source));

        Assert.Contains("x.c is a symbolic link", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_without_kbuild_or_makefile_is_not_module_source()
    {
        Directory.CreateDirectory(_temp.Combine("empty"));

        var e = Assert.Throws<UserErrorException>(() => ModuleSourceReader.Read(_temp.Combine("empty")));

        Assert.Contains("point at kmod-src", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scratch_path_with_a_space_is_refused_for_rpmbuild()
    {
        var context = new PackageBuildContext(
            PackagingFixture.Model,
            ModuleSourceReader.Read(RepositoryFiles.PathOf("kmod-src")),
            new PackageTemplateFiles(RepositoryFiles.Root),
            _temp.Combine("with space"),
            _temp.Combine("out"));

        var e = await Assert.ThrowsAsync<UserErrorException>(() => new RpmPackageBuilder(new RecordingRunner()).BuildAsync(context));

        Assert.Contains("contains whitespace", e.Message, StringComparison.Ordinal);
    }

    private string CopyTemplates()
    {
        string repository = _temp.Combine("repo");
        foreach (PackageTemplate template in PackageTemplate.All)
        {
            string target = Path.Combine(repository, template.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(RepositoryFiles.PathOf(template.RelativePath), target);
        }

        return repository;
    }
}
