using Mtcopy.Core;

namespace Mtcopy.Core.Matrix;

/// <summary>Joins the matrix.json of several jobs (one or more bases each) into one matrix.</summary>
public static class MatrixJoin
{
    /// <summary>
    /// The rows of every part, in the order given. All parts must be of the same series, version and
    /// patches; a row (a base, or a base with a variant of the series) may appear only once.
    /// </summary>
    /// <param name="parts">Each report with the name of its file, for messages.</param>
    public static MatrixReport Join(IReadOnlyList<(string Source, MatrixReport Report)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new UserErrorException("No matrix.json to join: give --matrix-results=<directory or files> with the results of the matrix jobs.");
        }

        (string firstSource, MatrixReport first) = parts[0];
        var rows = new List<MatrixRow>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string source, MatrixReport report) in parts)
        {
            if (report.Series != first.Series || report.Version != first.Version || !report.Patches.SequenceEqual(first.Patches, StringComparer.Ordinal))
            {
                throw new UserErrorException(
                    $"{source} is of series {report.Series} {report.Version} with patches [{string.Join(", ", report.Patches)}], " +
                    $"but {firstSource} is of {first.Series} {first.Version} with [{string.Join(", ", first.Patches)}]: join results of one series only.");
            }

            foreach (MatrixRow row in report.Rows)
            {
                if (seen.TryGetValue(row.Label, out string? earlier))
                {
                    throw new UserErrorException($"The row {row.Label} is in both {earlier} and {source}; give each base's result once.");
                }

                seen[row.Label] = source;
                rows.Add(row);
            }
        }

        return first with { Rows = rows };
    }
}
