namespace Mtcopy.Core.Packaging;

/// <summary>What <c>rpm -qp</c> is asked about a package file.</summary>
public enum RpmQueryKind
{
    Files,
    Requires,
    Scripts,
    Info,
    Provides,
}
