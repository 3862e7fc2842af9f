using Mtcopy.Core.Results;

namespace Mtcopy.Core.Tests.Results;

public sealed class StageFingerprintTests
{
    private static Dictionary<string, string> Inputs() => new(StringComparer.Ordinal)
    {
        ["series"] = ContentHash.Sha256("0001-mm-add-mt-copy.patch"),
        ["config"] = ContentHash.Sha256("CONFIG_MIGRATION=y\n"),
        ["base_tree"] = "4b825dc642cb6eb9a060e54bf8d69288fbee4904",
        ["tool"] = "mtcopy 0.1.0",
    };

    [Fact]
    public void Key_is_stable_and_order_independent()
    {
        var reversed = new Dictionary<string, string>(Inputs().Reverse(), StringComparer.Ordinal);

        string key = StageFingerprint.Compute("build", Inputs());

        Assert.Equal(key, StageFingerprint.Compute("build", reversed));
        Assert.True(ContentHash.IsSha256(key));
    }

    [Fact]
    public void Known_value_does_not_drift()
    {
        // Changing the encoding invalidates every stored stamp; this pins it.
        var inputs = new Dictionary<string, string> { ["a"] = "1" };

        Assert.Equal(
            ContentHash.Sha256("mtcopy-stage-key/1\n5:build\n1:a\n1:1\n"),
            StageFingerprint.Compute("build", inputs));
    }

    [Fact]
    public void Any_change_changes_the_key()
    {
        string key = StageFingerprint.Compute("build", Inputs());
        Dictionary<string, string> changedValue = Inputs();
        changedValue["config"] = ContentHash.Sha256("CONFIG_MIGRATION=n\n");
        Dictionary<string, string> extra = Inputs();
        extra["module"] = ContentHash.Sha256("x");

        Assert.NotEqual(key, StageFingerprint.Compute("configure", Inputs()));
        Assert.NotEqual(key, StageFingerprint.Compute("build", changedValue));
        Assert.NotEqual(key, StageFingerprint.Compute("build", extra));
    }

    [Fact]
    public void Field_boundaries_cannot_be_shifted()
    {
        var one = new Dictionary<string, string> { ["ab"] = "c" };
        var other = new Dictionary<string, string> { ["a"] = "bc" };

        Assert.NotEqual(StageFingerprint.Compute("s", one), StageFingerprint.Compute("s", other));
    }

    [Fact]
    public void Content_hash_matches_sha256sum()
    {
        // printf 'abc' | sha256sum
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ContentHash.Sha256("abc"));
        using var stream = new MemoryStream("abc"u8.ToArray());
        Assert.Equal(ContentHash.Sha256("abc"), ContentHash.Sha256(stream));
    }
}
