namespace Mtcopy.Core.Packaging;

/// <summary>
/// The packaged kernel carries the series' core but not the modules that module packages ship. The core cannot
/// be configured without them (OFFC_MIGRATION is hidden and selected by its migrators), so the .config stays as
/// built and the kernel's packaging targets read a modules.order without those modules while they pack: nothing is
/// recompiled, vmlinux stays the same file, and the left-out modules are in neither the kernel .deb nor the kernel .rpm.
/// The list is swapped in place because Linux 7.x's Makefile.modinst, builddeb and kernel.spec read
/// <c>modules.order</c> by name (6.12 also honoured <c>MODORDER=</c>, 7.x does not).
/// </summary>
public static class PackagedModuleOrder
{
    /// <summary>Where the build's own list waits while the filtered one is in place (next to modules.order).</summary>
    public const string KeptFileName = "modules.order.mtcopy-full";

    /// <summary><paramref name="modulesOrder"/> without the lines of the named modules (<c>drivers/x/mtcopy.o</c> for <c>mtcopy</c>).</summary>
    public static string Filter(string modulesOrder, IReadOnlyList<string> leftOutModules)
    {
        ArgumentNullException.ThrowIfNull(modulesOrder);
        ArgumentNullException.ThrowIfNull(leftOutModules);
        var names = new HashSet<string>(leftOutModules, StringComparer.Ordinal);
        return string.Concat(modulesOrder.Split('\n')
            .Where(l => l.Length > 0 && !names.Contains(Path.GetFileNameWithoutExtension(l.Trim())))
            .Select(l => l + "\n"));
    }
}
