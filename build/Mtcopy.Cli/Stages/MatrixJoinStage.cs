using Mtcopy.Core;
using Mtcopy.Core.Matrix;

namespace Mtcopy.Cli.Stages;

/// <summary>
/// MatrixJoin: the matrix.json of several jobs (--matrix-results= a directory searched recursively, or
/// comma-separated files) joined into one &lt;out&gt;/matrix.json and matrix.md, and the table printed.
/// It fails as the Matrix stage does (<see cref="MatrixVerdict"/>): when a row the project claims, the
/// manifest's default base or a variant, did not pass in whichever job ran it.
/// </summary>
public sealed class MatrixJoinStage : IStage
{
    public const string StateName = "matrix-join";

    public string Name => StateName;

    public Task<StageOutcome> RunAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        IReadOnlyList<string> files = Inputs(context.Options, Environment.CurrentDirectory);
        var parts = files.Select(f => (f, MatrixJson.Parse(File.ReadAllText(f), f))).ToList();
        MatrixReport joined = MatrixJoin.Join(parts);
        MatrixStage.Write(context.Layout.OutDir, joined);
        context.Console.Plain(MatrixTextRenderer.Render(joined));
        string json = Path.Combine(context.Layout.OutDir, MatrixStage.JsonFileName);
        string markdown = Path.Combine(context.Layout.OutDir, MatrixStage.MarkdownFileName);
        var details = joined.Rows.ToDictionary(r => "base/" + r.Label, r => r.Overall, StringComparer.Ordinal);
        // Every row the project claims must be there: a matrix job that wrote nothing is a failure, not an absent row.
        IReadOnlyList<string> required = context.Series.Manifest is { } manifest
            ? MatrixVerdict.RequiredLabels(manifest.DefaultBase.Id, manifest.Bases.Where(b => b.Series is not null).Select(b => (b.Id, b.Series!)))
            : [];
        IReadOnlyList<string> failures = MatrixVerdict.Failures(joined, context.Series.Manifest?.DefaultBase.Id, required);
        if (failures.Count > 0)
        {
            throw new StageFailedException($"{string.Join("; ", failures)}. See {markdown}.") { Details = details };
        }

        return Task.FromResult(StageOutcome.Pass($"{files.Count} result file(s), {joined.Rows.Count} rows: " +
            string.Join("; ", joined.Rows.Select(r => $"{r.Label} {r.Overall}"))) with { Details = details, Artifacts = [json, markdown] });
    }

    /// <summary>The matrix.json files named by --matrix-results=, in a stable order; the output's own matrix.json is never an input.</summary>
    public static IReadOnlyList<string> Inputs(CliOptions options, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var files = new List<string>();
        foreach (string item in options.MatrixResults)
        {
            string path = Path.GetFullPath(item, workingDirectory);
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, MatrixStage.JsonFileName, SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new UserErrorException($"--matrix-results: {item} is neither a directory nor a file.");
            }
        }

        string own = Path.GetFullPath(Path.Combine(options.Out, MatrixStage.JsonFileName), workingDirectory);
        files = [.. files.Distinct(StringComparer.Ordinal).Where(f => !string.Equals(f, own, StringComparison.Ordinal))];
        return files.Count > 0
            ? files
            : throw new UserErrorException("--matrix-results= names no matrix.json: give the directory the matrix jobs' artifacts were downloaded to, or the files, comma-separated.");
    }
}
