using System.Text;
using Mtcopy.Core.Patching;

namespace Mtcopy.Core.Tests.Patching;

public sealed class FileApplierTests
{
    [Fact]
    public void Applies_a_binary_delta_and_checks_both_blob_ids()
    {
        var patch = DiffParser.Parse(BinaryFixture.Patch)[0];

        var ok = FileApplier.Apply(patch, new FileState(BinaryFixture.OldBinDat(), GitFileMode.Regular), ApplyOptions.Default);
        var wrongBase = BinaryFixture.OldBinDat();
        wrongBase[0] = 1;
        var bad = FileApplier.Apply(patch, new FileState(wrongBase, GitFileMode.Regular), ApplyOptions.Default);

        Assert.Equal(FileOutcome.Applied, ok.Outcome);
        Assert.Equal(BinaryFixture.NewBinDat(), ok.Result!.Content.ToArray());
        Assert.Equal(FileOutcome.Failed, bad.Outcome);
        Assert.Contains("23e2880f02df641162c12d798f8537dfbeffc6b7", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Creates_a_binary_file_from_a_literal()
    {
        var patch = DiffParser.Parse(BinaryFixture.Patch)[1];

        var r = FileApplier.Apply(patch, null, ApplyOptions.Default);

        Assert.Equal(FileOutcome.Applied, r.Outcome);
        Assert.Equal(new byte[] { 0, 1, 2, 3, 255, 254 }, r.Result!.Content.ToArray());
        Assert.Equal(GitFileMode.Regular, r.Result.Mode);
    }

    [Fact]
    public void Refuses_to_add_an_existing_file_or_modify_a_missing_one()
    {
        var add = Assert.Single(DiffParser.Parse("diff --git a/n b/n\nnew file mode 100755\n--- /dev/null\n+++ b/n\n@@ -0,0 +1 @@\n+x\n"));
        var modify = Assert.Single(DiffParser.Parse("--- a/m\n+++ b/m\n@@ -1 +1 @@\n-x\n+y\n"));

        Assert.Equal(FileOutcome.Failed, FileApplier.Apply(add, new FileState(Array.Empty<byte>(), GitFileMode.Regular), ApplyOptions.Default).Outcome);
        Assert.Equal(FileOutcome.Failed, FileApplier.Apply(modify, null, ApplyOptions.Default).Outcome);
        var created = FileApplier.Apply(add, null, ApplyOptions.Default);
        Assert.Equal((FileOutcome.Applied, GitFileMode.Executable), (created.Outcome, created.Result!.Mode));
    }

    [Fact]
    public void A_deletion_that_leaves_content_fails()
    {
        var delete = Assert.Single(DiffParser.Parse("diff --git a/d b/d\ndeleted file mode 100644\n--- a/d\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"));

        var changed = FileApplier.Apply(delete, new FileState(Encoding.UTF8.GetBytes("x\ny\n"), GitFileMode.Regular), ApplyOptions.Default);
        var exact = FileApplier.Apply(delete, new FileState(Encoding.UTF8.GetBytes("x\n"), GitFileMode.Regular), ApplyOptions.Default);

        Assert.Equal(FileOutcome.Failed, changed.Outcome);
        Assert.Equal(FileOutcome.Applied, exact.Outcome);
        Assert.Null(exact.Result);
    }

    [Fact]
    public void A_mode_change_keeps_content()
    {
        var chmod = Assert.Single(DiffParser.Parse("diff --git a/s b/s\nold mode 100644\nnew mode 100755\n"));

        var r = FileApplier.Apply(chmod, new FileState(Encoding.UTF8.GetBytes("#!/bin/sh\n"), GitFileMode.Regular), ApplyOptions.Default);

        Assert.Equal(GitFileMode.Executable, r.Result!.Mode);
        Assert.Equal("#!/bin/sh\n", Encoding.UTF8.GetString(r.Result.Content.Span));
    }
}
