using System.Globalization;

namespace Mtcopy.Core.Kernel;

/// <summary>
/// Values that make a kernel build reproducible (Documentation/kbuild/reproducible-builds.rst):
/// KBUILD_BUILD_TIMESTAMP, KBUILD_BUILD_USER, KBUILD_BUILD_HOST and KBUILD_BUILD_VERSION
/// (the "#1" in uname -v, otherwise incremented by every build).
/// </summary>
public sealed record KbuildPinnedEnvironment(DateTimeOffset Timestamp, string User, string Host, int BuildVersion = 1)
{
    /// <summary>
    /// The timestamp in the form <c>date</c> prints (e.g. "Thu Jan  2 03:04:05 UTC 2025"), which
    /// <c>date -d</c> in kbuild scripts also parses.
    /// </summary>
    public string TimestampText
    {
        get
        {
            DateTime utc = Timestamp.UtcDateTime;
            return string.Create(CultureInfo.InvariantCulture,
                $"{utc:ddd MMM} {utc.Day,2} {utc:HH:mm:ss} UTC {utc:yyyy}");
        }
    }

    public IReadOnlyDictionary<string, string?> ToEnvironment()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(User);
        ArgumentException.ThrowIfNullOrWhiteSpace(Host);
        return new SortedDictionary<string, string?>(StringComparer.Ordinal)
        {
            ["KBUILD_BUILD_TIMESTAMP"] = TimestampText,
            ["KBUILD_BUILD_USER"] = User,
            ["KBUILD_BUILD_HOST"] = Host,
            ["KBUILD_BUILD_VERSION"] = BuildVersion.ToString(CultureInfo.InvariantCulture),
        };
    }
}
