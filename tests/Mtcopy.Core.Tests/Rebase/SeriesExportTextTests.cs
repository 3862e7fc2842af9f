using Mtcopy.Core.Rebase;
using Mtcopy.Core.Series.Manifest;

namespace Mtcopy.Core.Tests.Rebase;

/// <summary>The refreshed series' manifest, cover letter and quilt series file.</summary>
public sealed class SeriesExportTextTests
{
    private static string RepoFile(string relative) => File.ReadAllText(Path.Combine(Packaging.RepositoryFiles.Root, relative));

    [Fact]
    public void The_real_manifest_gets_the_new_patches_and_the_new_base_as_default_and_still_loads()
    {
        string updated = ManifestRebase.Update(RepoFile("patches/manifest.yaml"), ["0001-new-one.patch", "0002-new-two.patch"],
            new ManifestRebase.BaseEntry("debian:7.2", "linux-source-7.2", "7.2.13-1", "sid", "7.2.13"), s => "../../../" + s);

        SeriesManifest manifest = ManifestLoader.Parse(updated, "manifest.yaml", _ => true);
        Assert.Equal(["0001-new-one.patch", "0002-new-two.patch"], manifest.Series.Patches);
        Assert.Equal("debian:7.2", manifest.DefaultBase.Id);
        Assert.Equal(("linux-source-7.2", "7.2.13-1", "sid", "7.2.13"), (manifest.DefaultBase.Package, manifest.DefaultBase.Version, manifest.DefaultBase.Suite, manifest.DefaultBase.Kernel));
        Assert.Single(manifest.Bases, b => b.Id == "debian:7.2");
        Assert.Contains(manifest.Bases, b => b.Id == "debian:6.12" && !b.Default);
        Assert.Equal("../../../../kmod-src", manifest.Modules[0].Source);
        Assert.Contains("# The mtcopy series: everything downstream", updated, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_debian_base_only_the_patches_change()
    {
        string original = RepoFile("patches/manifest.yaml");

        string updated = ManifestRebase.Update(original, ["0001-x.patch"], null, s => s);

        SeriesManifest before = ManifestLoader.Parse(original, "m", _ => true);
        SeriesManifest after = ManifestLoader.Parse(updated, "m", _ => true);
        Assert.Equal(["0001-x.patch"], after.Series.Patches);
        Assert.Equal(before.Bases.Select(b => (b.Id, b.Version, b.Suite, b.Default)), after.Bases.Select(b => (b.Id, b.Version, b.Suite, b.Default)));
    }

    [Fact]
    public void The_cover_letter_names_the_new_base_and_takes_the_new_shortlog_and_diffstat()
    {
        const string Old = "Subject: [PATCH 0/2] thing\n\nIntro.\n\nBase\n====\n\nDebian linux-source-6.12 6.12.117-1~deb12u1 (Linux 6.12.117). It applies.\n\nTesting\n\nA Person (2):\n  a\n  b\n\n a.c | 2 +-\n 1 file changed\n\n-- \n2.39.5\n";
        const string Generated = "Subject: [PATCH 0/2] *** SUBJECT HERE ***\n\n*** BLURB HERE ***\n\nA Person (2):\n  a\n  b, renamed\n\n a.c | 4 ++--\n 1 file changed\n\n-- \n2.39.5\n";

        string updated = CoverLetterRebase.Update(Old, Generated, "linux-source-6.12 6.12.117-1~deb12u1 (Linux 6.12.117)",
            "linux-source-7.2 7.2.13-1 (Linux 7.2.13)", "Rebased with mtcopy: patch 1 clean, patch 2 three-way.");

        Assert.Equal(
            "Subject: [PATCH 0/2] thing\n\nIntro.\n\nBase\n====\n\nDebian linux-source-7.2 7.2.13-1 (Linux 7.2.13). It applies.\n\n"
            + "Rebased with mtcopy: patch 1 clean, patch 2 three-way.\n\nTesting\n\nA Person (2):\n  a\n  b, renamed\n\n a.c | 4 ++--\n 1 file changed\n\n-- \n2.39.5\n",
            updated);
    }

    [Fact]
    public void Quilt_series_lists_the_patches_after_a_comment()
    {
        Assert.Equal("# The series rebased onto Linux 7.2.13 (quilt and git am). The manifest lists the same files.\n0001-a.patch\n0002-b.patch\n",
            QuiltSeriesFile.Render("Linux 7.2.13", ["0001-a.patch", "0002-b.patch"]));
    }
}
