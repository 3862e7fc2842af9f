namespace Mtcopy.Core.Packaging;

/// <summary>
/// A license the packages know how to declare: the SPDX id (RPM License:, manifest), the
/// DEP-5 short name and the file under /usr/share/common-licenses (Debian copyright), and the
/// notice paragraph the copyright file carries.
/// </summary>
public sealed record PackageLicense(string Spdx, string Dep5, string CommonLicenseFile, IReadOnlyList<string> NoticeLines)
{
    public static readonly PackageLicense Gpl2Only = new("GPL-2.0-only", "GPL-2", "/usr/share/common-licenses/GPL-2",
    [
        "This program is free software; you can redistribute it and/or modify",
        "it under the terms of the GNU General Public License version 2 as",
        "published by the Free Software Foundation.",
        "",
        "On Debian systems, the full text of the GNU General Public License",
        "version 2 can be found in the file '/usr/share/common-licenses/GPL-2'.",
    ]);

    public static readonly PackageLicense Gpl2OrLater = new("GPL-2.0-or-later", "GPL-2+", "/usr/share/common-licenses/GPL-2",
    [
        "This program is free software; you can redistribute it and/or modify",
        "it under the terms of the GNU General Public License as published by",
        "the Free Software Foundation; either version 2 of the License, or",
        "(at your option) any later version.",
        "",
        "On Debian systems, the full text of the GNU General Public License",
        "version 2 can be found in the file '/usr/share/common-licenses/GPL-2'.",
    ]);

    /// <summary>Kernel modules must be GPL-compatible; these are the ones with a common-licenses file.</summary>
    public static IReadOnlyList<PackageLicense> Supported { get; } = [Gpl2Only, Gpl2OrLater];

    public static PackageLicense? Find(string spdx) =>
        Supported.FirstOrDefault(l => string.Equals(l.Spdx, spdx, StringComparison.Ordinal));
}
