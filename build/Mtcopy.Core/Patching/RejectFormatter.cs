using System.Text;

namespace Mtcopy.Core.Patching;

/// <summary>Formats hunks that could not be applied as a ".rej" file (git apply --reject style).</summary>
public static class RejectFormatter
{
    /// <summary>"diff a/p b/p\t(rejected hunks)" followed by the failed hunks in unified form.</summary>
    public static string Format(FilePatch patch, IEnumerable<int> failedHunkNumbers)
    {
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(failedHunkNumbers);
        var sb = new StringBuilder();
        sb.Append("diff a/").Append(patch.OldPath ?? patch.Path).Append(" b/").Append(patch.Path).Append("\t(rejected hunks)\n");
        foreach (var number in failedHunkNumbers)
        {
            var hunk = patch.Hunks[number - 1];
            sb.Append(hunk.Header).Append('\n');
            foreach (var line in hunk.Lines)
            {
                sb.Append(line.Kind switch { HunkLineKind.Added => '+', HunkLineKind.Removed => '-', _ => ' ' })
                  .Append(line.Text).Append('\n');
                if (line.NoNewlineAtEnd)
                {
                    sb.Append("\\ No newline at end of file\n");
                }
            }
        }

        return sb.ToString();
    }
}
