namespace Mtcopy.Core.Packaging;

/// <summary>The maintainer the kernel packages name (Debian changelog and control, RPM changelog): the manifest's packages.maintainer.</summary>
public sealed record PackageMaintainer(string Name, string Email);
