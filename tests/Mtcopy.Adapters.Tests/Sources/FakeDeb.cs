namespace Mtcopy.Adapters.Tests.Sources;

/// <summary>Builds a tiny linux-source-like .deb with dpkg-deb: usr/src/linux-source-&lt;series&gt;.tar.xz and a doc file.</summary>
internal static class FakeDeb
{
    public static string Build(string parent, string package, string version, string series, string treeVersion)
    {
        string root = Path.Combine(parent, "deb-root-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "DEBIAN"));
        File.WriteAllText(
            Path.Combine(root, "DEBIAN", "control"),
            $"Package: {package}\nVersion: {version}\nArchitecture: all\nMaintainer: Test <test@example.invalid>\nDescription: test kernel source\n");
        string src = Path.Combine(root, "usr", "src");
        Directory.CreateDirectory(src);
        string tarball = FakeKernelTree.Tarball(parent, $"linux-source-{series}", ".tar.xz", treeVersion);
        File.Move(tarball, Path.Combine(src, Path.GetFileName(tarball)));
        string doc = Path.Combine(root, "usr", "share", "doc", package);
        Directory.CreateDirectory(doc);
        File.WriteAllText(Path.Combine(doc, "README"), "test\n");
        string deb = Path.Combine(parent, $"{package}_{version}_all.deb");
        Shell.Run(null, "dpkg-deb", "--root-owner-group", "-Zgzip", "--build", root, deb);
        Directory.Delete(root, recursive: true);
        return deb;
    }
}
