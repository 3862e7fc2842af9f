namespace Mtcopy.Core.Report;

/// <summary>
/// Everything report.html shows, computed and formatted here so the template only lays it out. Every
/// section is always present (its anchor exists); one the run did not produce says why in <c>Absent</c>.
/// </summary>
public sealed record ReportPage(
    RunOverview Run,
    TimelineSection Timeline,
    SeriesSection Series,
    GuestSection Guest,
    ThroughputSection Throughput,
    MatrixSection Matrix,
    PackagesSection Packages)
{
    public string Title => $"mtcopy run {Run.RunId}: {Run.Verdict.Word}";
}
