namespace Mtcopy.Core.Packaging;

/// <summary>
/// One dkms build: the module (PACKAGE_NAME, PACKAGE_VERSION), the kernel release and arch it is
/// built for, and that kernel's configured build directory or installed headers (--kernelsourcedir).
/// </summary>
public sealed record DkmsTarget(string Name, string Version, string KernelRelease, string Arch, string KernelSourceDir);
