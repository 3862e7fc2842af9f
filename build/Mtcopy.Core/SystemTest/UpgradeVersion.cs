using System.Globalization;

namespace Mtcopy.Core.SystemTest;

/// <summary>The version the system test upgrades mtcopy-dkms to: the series' version with its last number one higher.</summary>
public static class UpgradeVersion
{
    /// <exception cref="UserErrorException">The version does not end in a number.</exception>
    public static string Next(string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        int dot = version.LastIndexOf('.');
        string last = version[(dot + 1)..];
        if (!int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
        {
            throw new UserErrorException($"version {version}: its last part is not a number, so there is no next version to upgrade to");
        }

        return version[..(dot + 1)] + (number + 1).ToString(CultureInfo.InvariantCulture);
    }
}
