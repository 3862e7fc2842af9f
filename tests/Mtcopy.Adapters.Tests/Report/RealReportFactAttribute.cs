namespace Mtcopy.Adapters.Tests.Report;

/// <summary>Runs only when MTCOPY_REPORT_DIR names a run's output directory holding report.html (CI sets it after ./build.sh).</summary>
public sealed class RealReportFactAttribute : FactAttribute
{
    public const string Variable = "MTCOPY_REPORT_DIR";

    public RealReportFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"Opens a real run's report.html in headless Chromium: set {Variable}=<out> of a pipeline run.";
        }
    }
}
