namespace Mtcopy.Core.Packaging;

/// <summary>The maintainer the kernel packages name (Debian changelog and control, RPM changelog).</summary>
public sealed record PackageMaintainer(string Name, string Email)
{
    /// <summary>From <c>Full Name &lt;address&gt;</c>, as the manifest's packages.maintainer.</summary>
    /// <exception cref="PackageInputException">It is not of that shape.</exception>
    public static PackageMaintainer Parse(string maintainer)
    {
        (string name, string email) = PackageInputRules.SplitMaintainer(maintainer)
            ?? throw new PackageInputException([$"maintainer '{maintainer}': write it as 'Full Name <address@example.org>'."]);
        return new PackageMaintainer(name, email);
    }
}
