namespace Mtcopy.Core.SystemTest;

/// <summary>Debian's own kernel in the root's /boot: the newest vmlinuz-* that is not the mtcopy kernel, and its initrd.</summary>
public static class StockKernelChoice
{
    /// <returns>The kernel release, or null when /boot has none but the mtcopy kernel.</returns>
    public static string? Choose(IEnumerable<string> bootFileNames, string mtcopyRelease)
    {
        ArgumentNullException.ThrowIfNull(bootFileNames);
        HashSet<string> names = [.. bootFileNames];
        return names.Where(n => n.StartsWith("vmlinuz-", StringComparison.Ordinal))
            .Select(n => n["vmlinuz-".Length..])
            .Where(r => r != mtcopyRelease && names.Contains("initrd.img-" + r))
            .OrderBy(r => r, StringComparer.Ordinal)
            .LastOrDefault();
    }
}
