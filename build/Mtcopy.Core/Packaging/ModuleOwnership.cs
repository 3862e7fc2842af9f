namespace Mtcopy.Core.Packaging;

/// <summary>
/// Which packages ship a kernel module: the files of each package's list that are &lt;module&gt;.ko (or .ko.xz, .ko.gz,
/// .ko.zst) under a modules/&lt;release&gt;/ directory. packaging/README.md's rule: exactly one package ships it.
/// </summary>
public static class ModuleOwnership
{
    private static readonly string[] Suffixes = [".ko", ".ko.xz", ".ko.gz", ".ko.zst"];

    /// <summary>The paths of <paramref name="files"/> (a package's file list, with or without leading / or ./) that are the module for the release.</summary>
    public static IReadOnlyList<string> Matches(IEnumerable<string> files, string moduleName, string kernelRelease)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentException.ThrowIfNullOrWhiteSpace(moduleName);
        ArgumentException.ThrowIfNullOrWhiteSpace(kernelRelease);
        string directory = $"modules/{kernelRelease}/";
        return [.. files.Where(f =>
        {
            string name = f[(f.LastIndexOf('/') + 1)..];
            return f.Contains(directory, StringComparison.Ordinal) && Suffixes.Any(s => name == moduleName + s);
        })];
    }

    /// <summary>
    /// The check over the packages installed together (name → file list): passes when exactly one file of one package is
    /// the module, and that package is <paramref name="expectedOwner"/>.
    /// </summary>
    public static PackageSmokeCheck Check(string checkName, IReadOnlyDictionary<string, IReadOnlyList<string>> packages, string moduleName,
        string kernelRelease, string expectedOwner)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var owners = packages
            .SelectMany(p => Matches(p.Value, moduleName, kernelRelease).Select(f => (Package: p.Key, File: f)))
            .ToList();
        string seen = owners.Count == 0 ? "none" : string.Join(", ", owners.Select(o => $"{o.Package}: {o.File}"));
        return PackageSmokeCheck.That(checkName, owners.Count == 1 && owners[0].Package == expectedOwner,
            $"{moduleName}.ko for {kernelRelease} must come from {expectedOwner} only; shipped by {seen}");
    }
}
