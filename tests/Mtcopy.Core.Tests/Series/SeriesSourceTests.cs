using Mtcopy.Core.Patching;
using Mtcopy.Core.Series;
using Mtcopy.Core.Series.Manifest;
using Mtcopy.Core.Series.Quilt;
using Mtcopy.Core.Tests.Series.Manifest;
using Mtcopy.Core;

namespace Mtcopy.Core.Tests.Series;

public sealed class SeriesSourceTests
{
    private const string Diff = "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n";
    private static readonly DateTimeOffset Fallback = new(2023, 5, 6, 7, 8, 9, TimeSpan.Zero);

    private static string Mail(int n, int of, string subject, string body = "---\n" + Diff) =>
        $"From 0123abc Mon Sep 17 00:00:00 2001\nFrom: A <a@example.org>\nDate: Mon, 1 Jul 2024 09:00:00 +0000\n" +
        $"Subject: [PATCH {n}/{of}] {subject}\n\n{body}";

    [Fact]
    public void Manifest_directory_uses_the_manifest_patch_list()
    {
        var files = ManifestText.Files.ToDictionary(f => f, f => "x");
        files["manifest.yaml"] = ManifestText.Valid;
        files["series"] = "ignored.patch\n";

        var source = SeriesSourceResolver.Resolve(new InMemorySeriesDirectory("patches", files));

        Assert.Equal(SeriesFormat.Manifest, source.Format);
        Assert.Equal("patches", source.Directory);
        Assert.Equal(ManifestText.Files.Take(2), source.PatchFiles);
        Assert.Equal("mtcopy", source.Manifest!.Series.Name);
    }

    [Fact]
    public void Manifest_errors_name_the_manifest_inside_the_directory()
    {
        var files = new Dictionary<string, string> { ["manifest.yaml"] = ManifestText.Valid };

        var e = Assert.Throws<ManifestException>(() => SeriesSourceResolver.Resolve(new InMemorySeriesDirectory("patches", files)));

        Assert.StartsWith("patches/manifest.yaml: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("0001-mm-migrate-batch-copy.patch' does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quilt_directory_has_patches_but_no_manifest()
    {
        var files = new Dictionary<string, string>
        {
            ["series"] = "# mine\n0001-a.patch\nsub/0002-b.patch -p1\n",
            ["0001-a.patch"] = Mail(1, 2, "a"),
            ["sub/0002-b.patch"] = "Description: b\n\n" + Diff,
        };
        var directory = new InMemorySeriesDirectory("mine", files);

        var source = SeriesSourceResolver.Resolve(directory);
        var patches = SeriesPatchLoader.Load(source, directory, Fallback);

        Assert.Equal(SeriesFormat.Quilt, source.Format);
        Assert.Null(source.Manifest);
        Assert.Equal(["0001-a.patch", "sub/0002-b.patch"], source.PatchFiles);
        Assert.Equal(["a", "b"], patches.Select(p => p.Subject));
        Assert.Equal(Fallback, patches[1].Date);
    }

    [Fact]
    public void Quilt_series_naming_a_missing_file_is_an_error_naming_the_line()
    {
        var files = new Dictionary<string, string> { ["series"] = "a.patch\n\nb.patch\n", ["a.patch"] = Diff };

        var e = Assert.Throws<UserErrorException>(() => SeriesSourceResolver.Resolve(new InMemorySeriesDirectory("mine", files)));

        Assert.StartsWith("mine/series:3: 'b.patch' does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_quilt_series_is_an_error()
    {
        var files = new Dictionary<string, string> { ["series"] = "# nothing yet\n" };

        var e = Assert.Throws<UserErrorException>(() => SeriesSourceResolver.Resolve(new InMemorySeriesDirectory("mine", files)));

        Assert.Contains("lists no patches", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Directory_without_manifest_or_series_says_what_it_must_contain()
    {
        var files = new Dictionary<string, string> { ["0001-a.patch"] = Diff };

        var e = Assert.Throws<UserErrorException>(() => SeriesSourceResolver.Resolve(new InMemorySeriesDirectory("mine", files)));

        Assert.Contains("'mine' is not a patch series", e.Message, StringComparison.Ordinal);
        Assert.Contains("manifest.yaml", e.Message, StringComparison.Ordinal);
        Assert.Contains("'series'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loader_skips_cover_letters_and_refuses_patches_without_diff()
    {
        var files = new Dictionary<string, string>
        {
            ["series"] = "0000-cover-letter.patch\n0001-a.patch\n",
            ["0000-cover-letter.patch"] = Mail(0, 1, "*** SUBJECT HERE ***", "*** BLURB HERE ***\n\n-- \n2.39.5\n"),
            ["0001-a.patch"] = Mail(1, 1, "a"),
        };
        var directory = new InMemorySeriesDirectory("mine", files);

        Assert.Equal(["a"], SeriesPatchLoader.Load(SeriesSourceResolver.Resolve(directory), directory, Fallback).Select(p => p.Subject));

        files["0001-a.patch"] = Mail(1, 1, "a", "only words, no diff\n");
        var e = Assert.Throws<PatchFormatException>(() => SeriesPatchLoader.Load(SeriesSourceResolver.Resolve(directory), directory, Fallback));
        Assert.StartsWith("mine/0001-a.patch: contains no diff", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Disk_directory_resolves_and_refuses_missing_directories()
    {
        var dir = Directory.CreateTempSubdirectory("mtcopy-series-src-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "series"), "a.patch\n");
            File.WriteAllText(Path.Combine(dir, "a.patch"), Diff);

            var source = SeriesSourceResolver.Resolve(dir);

            Assert.Equal(["a.patch"], source.PatchFiles);
            Assert.False(new DiskSeriesDirectory(dir).FileExists("../" + Path.GetFileName(dir) + "/a.patch"));
            var missing = Path.Combine(dir, "nope");
            var e = Assert.Throws<UserErrorException>(() => SeriesSourceResolver.Resolve(missing));
            Assert.Contains(missing, e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
