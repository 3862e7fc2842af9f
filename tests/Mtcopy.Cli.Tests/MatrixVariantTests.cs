using Mtcopy.Cli.Stages;
using Mtcopy.Core;
using Mtcopy.Core.Series;
using Mtcopy.Core.Series.Manifest;

namespace Mtcopy.Cli.Tests;

/// <summary>Where the Matrix stage finds the series variant a manifest's base names, and the repository's own variants.</summary>
public sealed class MatrixVariantTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("mtcopy-variant-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static readonly KernelBase Default = new() { Id = "debian:6.12", Package = "linux-source-6.12", Version = "6.12.117-1", Kernel = "6.12.117", Default = true };

    private static readonly KernelBase WithVariant = new() { Id = "debian:7.2", Package = "linux-source-7.2", Version = "7.2.13-1", Kernel = "7.2.13", Series = "variants/linux-7.2" };

    private static SeriesManifest Manifest() => new()
    {
        Series = new SeriesInfo { Name = "mtcopy", Version = "0.1.0", Summary = "s", Patches = ["0001-a.patch"] },
        Bases = [Default, WithVariant],
        Config = new KernelConfigSpec { Arch = "x86_64", Base = "tinyconfig", Fragments = new Dictionary<string, string> { ["smoke"] = "smoke.config" }, Default = "smoke" },
    };

    [Fact]
    public void The_variant_directory_is_resolved_against_the_manifest_directory()
    {
        string variant = Directory.CreateDirectory(Path.Combine(dir, "variants", "linux-7.2")).FullName;

        Assert.Equal(variant, MatrixStage.VariantDirectory(dir, Manifest(), WithVariant));
    }

    [Fact]
    public void A_missing_variant_directory_names_the_manifest_field()
    {
        var e = Assert.Throws<UserErrorException>(() => MatrixStage.VariantDirectory(dir, Manifest(), WithVariant));

        Assert.StartsWith($"{Path.Combine(dir, "manifest.yaml")}: bases[1].series: 'variants/linux-7.2' is not a directory next to the manifest", e.Message, StringComparison.Ordinal);
        Assert.Contains("debian:7.2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_variant_the_repository_manifest_names_is_a_series_with_a_patch_for_each_of_the_main_series()
    {
        string patches = Path.Combine(Root(), "patches");
        SeriesSource main = SeriesSourceResolver.Resolve(patches);
        var variants = main.Manifest!.Bases.Where(b => b.Series is not null).ToList();

        Assert.Contains(variants, b => b is { Id: "debian:7.2", Series: "linux-7.2" });
        foreach (KernelBase entry in variants)
        {
            SeriesSource variant = SeriesSourceResolver.Resolve(MatrixStage.VariantDirectory(patches, main.Manifest, entry));
            Assert.Equal(main.PatchFiles, variant.PatchFiles);
            Assert.Equal(entry.Id, variant.Manifest!.DefaultBase.Id);
        }
    }

    private static string Root()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Tooling.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("No Tooling.sln above the test binaries.");
    }
}
