using Mtcopy.Core.Matrix;

namespace Mtcopy.Core.Tests.Matrix;

/// <summary>The Matrix stage's rule: the default base and every maintained variant must pass; other conflicts are results.</summary>
public sealed class MatrixVerdictTests
{
    private const string DefaultBase = "debian:6.12";

    [Fact]
    public void The_expected_matrix_passes_although_the_series_conflicts_on_two_bases()
    {
        MatrixReport report = SampleMatrix.Expected();

        Assert.Empty(MatrixVerdict.Failures(report, DefaultBase));
        Assert.False(report.AllPassed);
        Assert.Equal([false, true, false, true], report.Rows.Select(r => MatrixVerdict.IsRequired(r, DefaultBase)));
    }

    [Fact]
    public void A_variant_that_does_not_pass_fails_the_matrix_and_is_named()
    {
        MatrixReport report = SampleMatrix.Expected();
        MatrixRow variant = report.Rows[3] with { Build = MatrixStep.Fail("make failed"), Smoke = MatrixStep.Skip("the build failed") };
        report = report with { Rows = [.. report.Rows.Take(3), variant] };

        string failure = Assert.Single(MatrixVerdict.Failures(report, DefaultBase));

        Assert.Equal("debian:7.2 [linux-7.2] does not pass (build-failed): the variant linux-7.2 the manifest maintains for debian:7.2 is broken", failure);
    }

    [Fact]
    public void A_variant_that_conflicts_fails_the_matrix()
    {
        MatrixRow variant = SampleMatrix.Conflicting("debian:7.2", "7.2.13") with { Series = "linux-7.2" };

        string failure = Assert.Single(MatrixVerdict.Failures(SampleMatrix.Report(SampleMatrix.Passing("debian:6.12", "6.12.117"), variant), DefaultBase));

        Assert.StartsWith("debian:7.2 [linux-7.2] does not pass (conflict)", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_base_not_passing_fails_the_matrix_before_a_variant()
    {
        MatrixRow variant = SampleMatrix.Passing("debian:7.2", "7.2.13", "linux-7.2") with { Smoke = MatrixStep.Fail("2 of 98 failed") };
        MatrixReport report = SampleMatrix.Report(SampleMatrix.Conflicting("debian:6.12", "6.12.117"), variant);

        IReadOnlyList<string> failures = MatrixVerdict.Failures(report, DefaultBase);

        Assert.Equal(2, failures.Count);
        Assert.Equal("the manifest's default base debian:6.12 does not pass (conflict): the series is broken on the kernel it supports", failures[0]);
        Assert.StartsWith("debian:7.2 [linux-7.2] does not pass (smoke-failed)", failures[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Bases_the_project_does_not_claim_never_fail_the_matrix()
    {
        MatrixReport report = SampleMatrix.Report(SampleMatrix.Conflicting("debian:6.1", "6.1.192"), MatrixRow.FetchFailed("/src/linux", 3, "no such directory"));

        Assert.Empty(MatrixVerdict.Failures(report, DefaultBase));
        Assert.Empty(MatrixVerdict.Failures(report, null));
    }

    [Fact]
    public void A_variant_whose_base_could_not_be_fetched_fails_the_matrix()
    {
        MatrixRow variant = MatrixRow.FetchFailed("debian:7.2", 3, "apt-get download failed") with { Series = "linux-7.2" };

        Assert.StartsWith("debian:7.2 [linux-7.2] does not pass (fetch-failed)",
            Assert.Single(MatrixVerdict.Failures(SampleMatrix.Report(variant), DefaultBase)), StringComparison.Ordinal);
    }
}

/// <summary>A required row passes only when it really ran: a skipped smoke or a missing row is a failure.</summary>
public sealed class MatrixVerdictCompletenessTests
{
    private const string DefaultBase = "debian:6.12";

    private static readonly string[] Required = ["debian:6.12", "debian:7.2 [linux-7.2]"];

    [Fact]
    public void A_required_row_whose_guest_could_not_start_fails_the_matrix()
    {
        MatrixRow skipped = SampleMatrix.Passing("debian:6.12", "6.12.117") with { Smoke = MatrixStep.Skip("cannot run the guest here: qemu") };

        string failure = Assert.Single(MatrixVerdict.Failures(SampleMatrix.Report(skipped), DefaultBase));

        Assert.Equal("debian:6.12 is a required row but its smoke test did not run (cannot run the guest here: qemu): a check that did not run is no pass", failure);
    }

    [Fact]
    public void A_row_the_project_does_not_claim_may_skip_its_smoke()
    {
        MatrixRow other = SampleMatrix.Passing("debian:6.1", "6.1.192") with { Smoke = MatrixStep.Skip("no module") };

        Assert.Empty(MatrixVerdict.Failures(SampleMatrix.Report(SampleMatrix.Passing("debian:6.12", "6.12.117"), other), DefaultBase));
    }

    [Fact]
    public void A_required_row_with_no_result_fails_the_matrix()
    {
        MatrixReport onlyDefault = SampleMatrix.Report(SampleMatrix.Passing("debian:6.12", "6.12.117"));

        string failure = Assert.Single(MatrixVerdict.Failures(onlyDefault, DefaultBase, Required));

        Assert.Equal("debian:7.2 [linux-7.2] is a required row but has no result: the job that should have run it wrote nothing", failure);
    }

    [Fact]
    public void The_expected_matrix_has_every_required_row()
    {
        Assert.Empty(MatrixVerdict.Failures(SampleMatrix.Expected(), DefaultBase, Required));
        Assert.Equal(Required, MatrixVerdict.RequiredLabels("debian:6.12", [("debian:7.2", "linux-7.2")]));
    }
}
