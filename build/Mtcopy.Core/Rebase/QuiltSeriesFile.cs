namespace Mtcopy.Core.Rebase;

/// <summary>The quilt <c>series</c> file of a refreshed series: a comment naming the base, then the patch files in order.</summary>
public static class QuiltSeriesFile
{
    public static string Render(string baseDescription, IReadOnlyList<string> patches)
    {
        ArgumentNullException.ThrowIfNull(baseDescription);
        ArgumentNullException.ThrowIfNull(patches);
        return $"# The series rebased onto {baseDescription.Replace('\n', ' ')} (quilt and git am). The manifest lists the same files.\n"
            + string.Concat(patches.Select(p => p + "\n"));
    }
}
