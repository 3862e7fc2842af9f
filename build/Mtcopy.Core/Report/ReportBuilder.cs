namespace Mtcopy.Core.Report;

/// <summary>
/// Turns what a run recorded into the page's model. A section is shown only for a stage of this run
/// (the same run id in metadata.json), so files an earlier run left in the output directory are not passed off as this run's.
/// </summary>
public static class ReportBuilder
{
    public static ReportPage Build(RunRecords records)
    {
        ArgumentNullException.ThrowIfNull(records);
        bool Ran(params string[] names) => records.Metadata.Stages.Any(s => names.Contains(s.Name, StringComparer.Ordinal));
        return new ReportPage(
            RunOverviewView.Build(records.Metadata),
            TimelineLayout.Build(records.Metadata.Stages),
            SeriesView.Build(records.Metadata.Apply, records.Metadata.Stages.FirstOrDefault(s => s.Name == "apply"), records.Apply),
            GuestView.Build(Ran("smoke"), records.Guests, records.FileExists),
            ThroughputView.Build(Ran("bench"), records.Bench),
            MatrixView.Build(Ran("matrix", "matrix-join"), records.Matrix, records.FileExists),
            PackagesView.Build(records.Metadata, records.FileExists));
    }
}
