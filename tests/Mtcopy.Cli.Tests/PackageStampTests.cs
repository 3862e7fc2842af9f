using Mtcopy.Adapters.Results;
using Mtcopy.Cli.Stages;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Cli.Tests;

/// <summary>
/// Package's stamp on a small tree of its inputs: unchanged inputs and packages skip; a change to any one input,
/// or a package gone or altered, runs Package again.
/// </summary>
public sealed class PackageStampTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("mtcopy-package-stamp-").FullName;
    private readonly StampStore stamps;
    private readonly string package;

    public PackageStampTests()
    {
        stamps = new StampStore(Path.Combine(dir, "state"));
        Write("patches/manifest.yaml", "series: {name: mtcopy}\n");
        Write("templates/dkms/dkms.conf.sbn", "PACKAGE_NAME={{ name }}\n");
        Write("packaging/deb/control.sbn", "Package: {{ name }}\n");
        Write("code/PackageStage.cs", "// packaging code\n");
        Write("kmod-src/mtcopy.c", "int x;\n");
        Write("kmod-src/.hidden", "left out\n");
        Write("out/smoke/bzImage", "image");
        Write("out/work/build-smoke/vmlinux", "vmlinux");
        Write("out/work/build-smoke/Module.symvers", "symvers");
        Write("out/smoke/config", "CONFIG_X=y\n");
        Write("out/smoke/mtcopy.ko", "module");
        Write("key.pem", "private");
        Write("cert.pem", "public");
        package = Write("out/packages/mtcopy-dkms_0.1.0_all.deb", "deb");
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    public static TheoryData<string> Inputs => new()
    {
        "patches/manifest.yaml", "templates/dkms/dkms.conf.sbn", "packaging/deb/control.sbn", "code/PackageStage.cs", "kmod-src/mtcopy.c",
        "out/smoke/bzImage", "out/work/build-smoke/vmlinux", "out/work/build-smoke/Module.symvers", "out/smoke/config", "out/smoke/mtcopy.ko",
        "key.pem", "cert.pem",
    };

    [Fact]
    public void Unchanged_inputs_and_packages_skip()
    {
        Stamp(Sources()).Record([package]);

        var verdict = Stamp(Sources()).Check();

        Assert.True(verdict.Skip, verdict.Reason);
        Assert.Equal([package], Stamp(Sources()).RecordedArtifacts());
    }

    [Fact]
    public void No_previous_run_packages()
    {
        Assert.False(Stamp(Sources()).Check().Skip);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void A_changed_input_file_packages_again_and_says_which(string file)
    {
        Stamp(Sources()).Record([package]);
        File.AppendAllText(Path.Combine(dir, file), "changed");

        var verdict = Stamp(Sources()).Check();

        Assert.False(verdict.Skip);
        Assert.StartsWith("changed since the previous run: ", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_template_packages_again()
    {
        Stamp(Sources()).Record([package]);
        Write("packaging/rpm/extra.spec.sbn", "%description\n");

        Assert.Equal("changed since the previous run: templates", Stamp(Sources()).Check().Reason);
    }

    [Fact]
    public void A_file_hidden_in_the_module_source_does_not_count()
    {
        Stamp(Sources()).Record([package]);
        File.AppendAllText(Path.Combine(dir, "kmod-src/.hidden"), "changed");

        Assert.True(Stamp(Sources()).Check().Skip);
    }

    [Theory]
    [InlineData("epoch")]
    [InlineData("release")]
    [InlineData("base")]
    [InlineData("fragments")]
    [InlineData("tools")]
    [InlineData("unsigned")]
    [InlineData("no kernel")]
    public void A_changed_value_packages_again(string what)
    {
        Stamp(Sources()).Record([package]);
        PackageStampSources sources = Sources();
        sources = what switch
        {
            "epoch" => sources with { SourceDateEpoch = sources.SourceDateEpoch + 1 },
            "release" => sources with { KernelRelease = "6.12.118-mtcopy" },
            "base" => sources with { BaseCommit = new string('b', 40) },
            "fragments" => sources with { FragmentText = "CONFIG_NUMA=y\nCONFIG_KASAN=y\n" },
            "tools" => sources with { ToolVersions = "dpkg 1.21.23\nlintian 2.117" },
            "unsigned" => sources with { SigningKey = null },
            "no kernel" => sources with { KernelFiles = [], KernelRelease = null },
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };

        Assert.False(Stamp(sources).Check().Skip);
    }

    [Fact]
    public void A_package_gone_packages_again()
    {
        Stamp(Sources()).Record([package]);
        File.Delete(package);

        var verdict = Stamp(Sources()).Check();

        Assert.False(verdict.Skip);
        Assert.Contains("is missing", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_altered_packages_again()
    {
        Stamp(Sources()).Record([package]);
        File.WriteAllText(package, "another deb");

        var verdict = Stamp(Sources()).Check();

        Assert.False(verdict.Skip);
        Assert.Contains("changed since the previous run", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_run_forgets_the_previous_one()
    {
        Stamp(Sources()).Record([package]);

        Stamp(Sources()).Invalidate();

        Assert.False(Stamp(Sources()).Check().Skip);
    }

    private PackageStamp Stamp(PackageStampSources sources) => PackageStamp.Create(stamps, sources);

    private PackageStampSources Sources() => new()
    {
        Manifest = Path.Combine(dir, "patches/manifest.yaml"),
        TemplateDirs = [Path.Combine(dir, "templates"), Path.Combine(dir, "packaging")],
        CodePaths = [Path.Combine(dir, "code/PackageStage.cs")],
        ModuleSource = Path.Combine(dir, "kmod-src"),
        KernelFiles = [.. new[] { "out/smoke/bzImage", "out/work/build-smoke/vmlinux", "out/work/build-smoke/Module.symvers", "out/smoke/config", "out/smoke/mtcopy.ko" }
            .Select(f => Path.Combine(dir, f))],
        KernelRelease = "6.12.117-mtcopy",
        SourceDateEpoch = 1_760_000_000,
        BaseCommit = new string('a', 40),
        FragmentText = "CONFIG_NUMA=y\n",
        SigningKey = new ModuleSigningKey(Path.Combine(dir, "key.pem"), Path.Combine(dir, "cert.pem")),
        ToolVersions = "dpkg 1.21.22\nlintian 2.116.3",
    };

    private string Write(string relative, string text)
    {
        string path = Path.Combine(dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
