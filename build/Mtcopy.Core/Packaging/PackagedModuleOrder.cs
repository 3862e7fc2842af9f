namespace Mtcopy.Core.Packaging;

/// <summary>
/// The packaged kernel carries the series' core but not the modules that module packages ship. The core cannot
/// be configured without them (OFFC_MIGRATION is hidden and selected by its migrators), so the .config stays as
/// built and the kernel's packaging targets install modules from a filtered copy of modules.order instead
/// (<c>MODORDER=</c>, which modules_install and modpost read): nothing is recompiled, vmlinux stays the same file,
/// and the left-out modules are in neither the kernel .deb nor the kernel .rpm.
/// </summary>
public static class PackagedModuleOrder
{
    public const string FileName = "mtcopy-packaged-modules.order";

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

    /// <summary>The make variable that points the packaging targets at the filtered list.</summary>
    public static string MakeVariable(string filteredPath) => "MODORDER=" + filteredPath;
}
