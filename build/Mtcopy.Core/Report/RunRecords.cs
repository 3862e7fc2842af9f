using Mtcopy.Core.Bench;
using Mtcopy.Core.Matrix;
using Mtcopy.Core.Results;

namespace Mtcopy.Core.Report;

/// <summary>
/// What one run recorded in its output directory, read by the caller: metadata.json and the result
/// files of the stages that ran. A part the run did not produce is null or empty.
/// </summary>
public sealed record RunRecords(RunMetadata Metadata)
{
    /// <summary>apply-report.json: the per-hunk account of Apply, with the conflict regions it left.</summary>
    public ApplyReportFile? Apply { get; init; }

    /// <summary>smoke/&lt;config&gt;/: the KTAP the guest wrote and its console, per config.</summary>
    public IReadOnlyList<GuestRecord> Guests { get; init; } = [];

    /// <summary>matrix.json.</summary>
    public MatrixReport? Matrix { get; init; }

    /// <summary>The guest throughput of bench.json.</summary>
    public GuestThroughput? Bench { get; init; }

    /// <summary>Whether a path relative to the output directory ('/' separated) is a file there: only existing files are linked.</summary>
    public Func<string, bool> FileExists { get; init; } = _ => false;
}
