namespace Mtcopy.Core.Sources;

/// <summary>Why <c>apt-get download</c> failed, as far as its messages tell.</summary>
public enum AptDownloadFailure
{
    /// <summary>Something else (network, disk...): an infrastructure failure.</summary>
    Other,

    /// <summary>"Unable to locate package": not in the package lists (maybe never updated).</summary>
    PackageUnknown,

    /// <summary>"Version '...' for '...' was not found": the pinned version is no longer served.</summary>
    VersionNotFound,
}
