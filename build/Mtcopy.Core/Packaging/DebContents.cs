namespace Mtcopy.Core.Packaging;

/// <summary>
/// The file list of a .deb as <c>dpkg-deb --contents</c> prints it (tar's verbose lines,
/// <c>drwxr-xr-x root/root 0 2025-01-01 00:00 ./usr/src/</c>, symlinks with <c> -&gt; target</c>):
/// the paths without the leading <c>./</c>, directories ending in '/'.
/// </summary>
public static class DebContents
{
    private const int FieldsBeforePath = 5;

    /// <exception cref="FormatException">A line is not of that shape.</exception>
    public static IReadOnlyList<string> Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var paths = new List<string>();
        foreach (string line in lines.Where(l => l.Length > 0))
        {
            string[] fields = line.Split(' ', FieldsBeforePath + 1, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length <= FieldsBeforePath || fields[0].Length != 10 || !fields[FieldsBeforePath].StartsWith("./", StringComparison.Ordinal))
            {
                throw new FormatException($"Not a dpkg-deb --contents line: '{line}'.");
            }

            string path = fields[FieldsBeforePath];
            if (fields[0][0] == 'l')
            {
                int arrow = path.IndexOf(" -> ", StringComparison.Ordinal);
                path = arrow < 0 ? throw new FormatException($"Symbolic link without target: '{line}'.") : path[..arrow];
            }

            path = path[2..];
            if (path.Length > 0)
            {
                paths.Add(path);
            }
        }

        return paths;
    }
}
