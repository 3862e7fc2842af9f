using System.Text;
using Mtcopy.Core.Patching;
using Mtcopy.Core.Series;
using Mtcopy.Core.Series.Mail;
using Mtcopy.Core.Series.Quilt;

namespace Mtcopy.Core.Tests.Repository;

/// <summary>
/// The series in patches/ is the one source of truth: kmod-src/ must hold exactly the files the
/// driver patch adds, and the quilt series file must list the manifest's patches.
/// </summary>
public sealed class SeriesConsistencyTests
{
    private static SeriesSource Series => SeriesOf("patches");

    private static SeriesSource SeriesOf(string dir) => SeriesSourceResolver.Resolve(RepoFiles.PathOf(dir.Split('/')));

    [Theory]
    [InlineData("patches")]
    [InlineData("patches/linux-7.2")]
    public void Kmod_src_module_source_is_the_file_the_driver_patch_adds(string seriesDir)
    {
        string added = AddedFileContent("drivers/migoffcopy/mtcopy/mtcopy.c", seriesDir);
        string kmod = File.ReadAllText(RepoFiles.PathOf("kmod-src", "mtcopy.c"));

        Assert.True(added == kmod,
            "kmod-src/mtcopy.c differs from drivers/migoffcopy/mtcopy/mtcopy.c in patches/: " +
            $"first difference at character {FirstDifference(added, kmod)}. Regenerate one from the other.");
    }

    [Fact]
    public void Kmod_src_builds_the_module_the_driver_makefile_builds()
    {
        string makefile = AddedFileContent("drivers/migoffcopy/mtcopy/Makefile", "patches");
        string kbuild = File.ReadAllText(RepoFiles.PathOf("kmod-src", "Kbuild"));

        Assert.Contains("obj-$(CONFIG_MTCOPY_CPU) += mtcopy.o", makefile, StringComparison.Ordinal);
        Assert.Contains("obj-m += mtcopy.o", kbuild, StringComparison.Ordinal);
    }

    [Fact]
    public void Quilt_series_file_lists_the_manifest_patches_in_order()
    {
        string path = RepoFiles.PathOf("patches", "series");
        var quilt = QuiltSeriesParser.Parse(File.ReadAllText(path), path).Select(e => e.PatchFile).ToList();

        Assert.Equal(Series.PatchFiles, quilt);
    }

    [Fact]
    public void Every_patch_has_an_author_a_date_a_signoff_and_a_message_that_says_why()
    {
        foreach (string file in Series.PatchFiles)
        {
            var mail = Assert.Single(MboxParser.Parse(File.ReadAllText(RepoFiles.PathOf("patches", file)), file));
            Assert.False(string.IsNullOrWhiteSpace(mail.AuthorName), file);
            Assert.True(mail.Date.Year >= 2025, file);
            Assert.Contains("Signed-off-by: " + mail.AuthorName, mail.Message, StringComparison.Ordinal);
            Assert.True(mail.Message.Split('\n').Length > 8, $"{file}: the commit message should say why, not just what");
            Assert.True(mail.HasDiff, file);
        }
    }

    [Theory]
    [InlineData("patches")]
    [InlineData("patches/linux-7.2")]
    public void Every_patch_and_the_cover_letter_come_from_the_manifest_author(string seriesDir)
    {
        SeriesSource series = SeriesOf(seriesDir);
        string author = Assert.IsType<string>(series.Manifest!.Series.Author);

        foreach (string file in series.PatchFiles.Prepend("0000-cover-letter.patch"))
        {
            var mail = Assert.Single(MboxParser.Parse(File.ReadAllText(RepoFiles.PathOf([.. seriesDir.Split('/'), file])), file));
            Assert.Equal(author, $"{mail.AuthorName} <{mail.AuthorEmail}>");
            if (file != "0000-cover-letter.patch")
            {
                Assert.Contains("Signed-off-by: " + author + "\n", mail.Message + "\n", StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Cover_letter_names_the_exact_base_and_the_patches()
    {
        string cover = File.ReadAllText(RepoFiles.PathOf("patches", "0000-cover-letter.patch"));
        var manifest = Series.Manifest!;

        Assert.Contains(manifest.DefaultBase.Version, cover, StringComparison.Ordinal);
        Assert.Matches($@"\[PATCH( v[0-9]+)? 0/{Series.PatchFiles.Count}\]", cover);
        Assert.DoesNotContain("*** SUBJECT HERE ***", cover, StringComparison.Ordinal);
        Assert.DoesNotContain("*** BLURB HERE ***", cover, StringComparison.Ordinal);
    }

    private static string AddedFileContent(string path, string seriesDir)
    {
        foreach (string file in SeriesOf(seriesDir).PatchFiles)
        {
            var mail = MboxParser.Parse(File.ReadAllText(RepoFiles.PathOf([.. seriesDir.Split('/'), file])), file).Single();
            FilePatch? added = DiffParser.Parse(mail.Diff).FirstOrDefault(f => f.Kind == FileChangeKind.Add && f.NewPath == path);
            if (added is not null)
            {
                var text = new StringBuilder();
                foreach (HunkLine line in added.Hunks.SelectMany(h => h.Lines))
                {
                    text.Append(line.Text);
                    if (!line.NoNewlineAtEnd)
                    {
                        text.Append('\n');
                    }
                }

                return text.ToString();
            }
        }

        throw new InvalidOperationException($"No patch in {seriesDir}/ adds {path}.");
    }

    private static int FirstDifference(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return n;
    }
}
