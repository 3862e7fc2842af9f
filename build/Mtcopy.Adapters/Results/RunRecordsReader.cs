using Mtcopy.Core.Bench;
using Mtcopy.Core.Matrix;
using Mtcopy.Core.Report;
using Mtcopy.Core.Results;
using Mtcopy.Core;

namespace Mtcopy.Adapters.Results;

/// <summary>
/// Reads what a run left in its output directory for the report: apply-report.json, smoke/&lt;config&gt;/
/// (ktap.txt, console.log), matrix.json and bench.json. A file that is missing is left out; one that cannot
/// be read is left out and named in <see cref="Problems"/>, so the page still gets written and says so.
/// </summary>
public sealed class RunRecordsReader(string outDir)
{
    public const string MatrixFileName = "matrix.json";
    public const string BenchFileName = "bench.json";

    private readonly string root = Path.GetFullPath(outDir);
    private readonly List<string> problems = [];

    /// <summary>Files that were there but could not be read, with why.</summary>
    public IReadOnlyList<string> Problems => problems;

    public RunRecords Read(RunMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return new RunRecords(metadata)
        {
            Apply = ReadIf(ApplyReportFile.FileName, ApplyReportJson.Parse),
            Guests = Guests(),
            Matrix = ReadIf(MatrixFileName, json => MatrixJson.Parse(json, Path.Combine(root, MatrixFileName))),
            Bench = ReadIf<GuestThroughput>(BenchFileName, BenchGuestJson.Parse),
            FileExists = Exists,
        };
    }

    /// <summary>True for a regular file under the output directory; paths that leave it are never linked.</summary>
    public bool Exists(string relative)
    {
        ArgumentNullException.ThrowIfNull(relative);
        string full = Path.GetFullPath(relative, root);
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full);
    }

    private List<GuestRecord> Guests()
    {
        string smoke = Path.Combine(root, "smoke");
        if (!Directory.Exists(smoke))
        {
            return [];
        }

        return [.. Directory.EnumerateDirectories(smoke)
            .Order(StringComparer.Ordinal)
            .Select(dir => new GuestRecord(Path.GetFileName(dir), Text(Path.Combine(dir, "ktap.txt")), Text(Path.Combine(dir, "console.log"))))
            .Where(g => g.KtapText is not null || g.ConsoleText is not null)];
    }

    private T? ReadIf<T>(string name, Func<string, T?> parse)
        where T : class
    {
        string path = Path.Combine(root, name);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is FormatException or UserErrorException)
        {
            problems.Add($"{path}: {e.Message}");
            return null;
        }
    }

    private static string? Text(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
}
