namespace Mtcopy.Core.Smoke;

/// <summary>
/// The test-only kernel modules of the smoke guest: directories under tests/guest, each built out of tree
/// (<c>make M=</c>) against the kernel under test and installed as <c>/lib/modules/&lt;name&gt;.ko</c>. Never
/// part of the series or its packages.
/// </summary>
public static class GuestTestModules
{
    /// <summary>tests/guest/offc-test: offc_test.ko, a second migrator (probe, sleep and error modes).</summary>
    public static IReadOnlyList<string> DirectoryNames { get; } = ["offc-test"];

    /// <summary>The module source directories that <paramref name="guestSourceDir"/> holds, in <see cref="DirectoryNames"/> order.</summary>
    public static IReadOnlyList<string> SourceDirectories(string guestSourceDir, Func<string, bool> directoryExists)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guestSourceDir);
        ArgumentNullException.ThrowIfNull(directoryExists);
        return [.. DirectoryNames.Select(name => Path.Combine(guestSourceDir, name)).Where(directoryExists)];
    }
}
