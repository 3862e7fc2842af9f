using Mtcopy.Core.Results;

namespace Mtcopy.Core.Tests.Results;

public sealed class RunSummaryRendererTests
{
    [Fact]
    public void Golden_summary()
    {
        const string expected = """
            Stage      Status  Duration
            apply      PASS        1.2s
            configure  SKIP           -
            build      FAIL       5m03s

            Artifacts
              boot/bzImage  12.3 MiB  sha256:cccccccccccc

            Failed
              - stage build: First error (log line 4): mm/migrate.c:1:1: error: x
                Full log: logs/build.log
              - patch 0002-mm-migrate-use-it.patch: conflict: mm/migrate.c: hunk 2 failed

            """;

        Assert.Equal(expected, RunSummaryRenderer.Render(RunMetadataJsonTests.Sample()));
    }

    [Fact]
    public void Successful_run_has_no_failed_section()
    {
        RunMetadata ok = RunMetadataJsonTests.Sample() with
        {
            Apply = null,
            Stages = [StageResult.Pass("build", TimeSpan.FromHours(1.5))],
        };

        string text = RunSummaryRenderer.Render(ok);

        Assert.DoesNotContain("Failed", text, StringComparison.Ordinal);
        Assert.Contains("1h30m00s", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(1023, "1023 B")]
    [InlineData(1536, "1.5 KiB")]
    [InlineData(5L * 1024 * 1024 * 1024, "5.0 GiB")]
    public void Sizes(long bytes, string expected) => Assert.Equal(expected, RunSummaryRenderer.FormatSize(bytes));
}
