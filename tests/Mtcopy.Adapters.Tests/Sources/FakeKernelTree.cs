namespace Mtcopy.Adapters.Tests.Sources;

/// <summary>
/// A tiny tree shaped like a kernel source: a Makefile with a version, Debian's top-level
/// .gitignore that ignores everything ("/*"), an ignored build output, a subdirectory, an
/// executable script and a symbolic link.
/// </summary>
internal static class FakeKernelTree
{
    public static readonly string[] Files =
    [
        ".gitignore", "Makefile", "build.o", "mm/migrate.c", "mm/.gitignore", "scripts/setlocalversion", "include/linux/migrate.h", "docs-link",
    ];

    public static string Write(string directory, string version = "9.9.1")
    {
        string[] parts = version.Split('.');
        Directory.CreateDirectory(directory);
        Write(directory, "Makefile", $"# SPDX-License-Identifier: GPL-2.0\nVERSION = {parts[0]}\nPATCHLEVEL = {parts[1]}\nSUBLEVEL = {parts[2]}\nEXTRAVERSION =\n");
        Write(directory, ".gitignore", "*.o\n/*\n!/debian/\n");
        Write(directory, "build.o", "not really an object\n");
        Write(directory, "mm/migrate.c", "// SPDX-License-Identifier: GPL-2.0\nint migrate_pages(void) { return 0; }\r\n");
        Write(directory, "mm/.gitignore", "*\n");
        Write(directory, "include/linux/migrate.h", "#define MIGRATE 1\n");
        Write(directory, "scripts/setlocalversion", "#!/bin/sh\necho\n");
        Shell.Run(null, "chmod", "755", Path.Combine(directory, "scripts/setlocalversion"));
        File.CreateSymbolicLink(Path.Combine(directory, "docs-link"), "include/linux");
        return directory;
    }

    /// <summary>Makes <c>&lt;parent&gt;/&lt;name&gt;.tar.gz</c> holding the tree under one top-level directory.</summary>
    public static string Tarball(string parent, string name = "linux-9.9.1", string suffix = ".tar.gz", string version = "9.9.1")
    {
        string staging = Path.Combine(parent, "tar-src-" + Guid.NewGuid().ToString("N"));
        Write(Path.Combine(staging, name), version);
        string tarball = Path.Combine(parent, name + suffix);
        Shell.Run(staging, "tar", "-c", "-a", "-f", tarball, name);
        Directory.Delete(staging, recursive: true);
        return tarball;
    }

    private static void Write(string root, string relative, string text)
    {
        string path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
