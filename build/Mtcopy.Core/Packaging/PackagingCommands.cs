using System.Globalization;

namespace Mtcopy.Core.Packaging;

/// <summary>The command lines of the packaging tools, built from typed values and nothing else.</summary>
public static class PackagingCommands
{
    /// <summary>The build host recorded in RPM headers, so it does not depend on the machine.</summary>
    public const string BuildHost = "reproducible";

    /// <summary>
    /// <c>dpkg-deb --root-owner-group -Zxz --threads-max=1 --build root out.deb</c>: owner root:root
    /// without fakeroot, one compressor thread (xz output can depend on the thread count),
    /// SOURCE_DATE_EPOCH for the ar member times and mtime clamping.
    /// </summary>
    public static ToolCommand DpkgDeb(string rootDirectory, string outputPath, long sourceDateEpoch)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputPath);
        return new ToolCommand(
            "dpkg-deb",
            ["--root-owner-group", "-Zxz", "--threads-max=1", "--build", rootDirectory, outputPath],
            ReproducibleEnvironment(sourceDateEpoch));
    }

    /// <summary>
    /// <c>dpkg-buildpackage -us -uc --build=full</c> in an unpacked source package whose .orig.tar.gz sits next to it:
    /// source and binary packages, unsigned, written to the parent directory; SOURCE_DATE_EPOCH for every date and mtime.
    /// </summary>
    public static ToolCommand DpkgBuildpackage(string sourceDirectory, long sourceDateEpoch)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceDirectory);
        return new ToolCommand("dpkg-buildpackage", ["-us", "-uc", "--build=full"], ReproducibleEnvironment(sourceDateEpoch), sourceDirectory);
    }

    /// <summary>
    /// <c>rpmbuild -bb</c> of a spec in a private topdir: build time and file mtimes from
    /// SOURCE_DATE_EPOCH, build host pinned, scriptlet temp files in &lt;topdir&gt;/tmp (create it),
    /// HOME pointed at the topdir so no ~/.rpmmacros leaks in, gzip payload pinned; with
    /// <paramref name="targetArch"/>, <c>--target</c> that architecture (a noarch spec needs none).
    /// </summary>
    public static ToolCommand RpmBuild(string topDirectory, string specPath, long sourceDateEpoch, string? targetArch = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(specPath);
        var environment = new Dictionary<string, string?>(ReproducibleEnvironment(sourceDateEpoch), StringComparer.Ordinal)
        {
            ["HOME"] = topDirectory,
        };
        return new ToolCommand(
            "rpmbuild",
            [
                "-bb",
                "--define", "_topdir " + topDirectory,
                "--define", "_tmppath " + topDirectory + "/tmp",
                "--define", "_buildhost " + BuildHost,
                "--define", "use_source_date_epoch_as_buildtime 1",
                "--define", "clamp_mtime_to_source_date_epoch 1",
                "--define", "_binary_payload w9.gzdio",
                "--define", "_source_payload w9.gzdio",
                .. (targetArch is null ? Array.Empty<string>() : ["--target", targetArch]),
                specPath,
            ],
            environment);
    }

    /// <summary><c>lintian --pedantic</c> on a .deb or .dsc: exits non-zero on any error, warning or pedantic tag, every tag shown.</summary>
    public static ToolCommand Lintian(string debPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(debPath);
        return new ToolCommand(
            "lintian",
            ["--pedantic", "--fail-on", "error,warning,pedantic", "--tag-display-limit", "0", debPath],
            new Dictionary<string, string?>(StringComparer.Ordinal) { ["LC_ALL"] = "C.UTF-8" });
    }

    /// <summary><c>rpmlint --config filters.toml package.rpm</c> (rpmlint 2 TOML configuration with Filters).</summary>
    public static ToolCommand Rpmlint(string rpmPath, string? configPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rpmPath);
        List<string> arguments = configPath is null ? [rpmPath] : ["--config", configPath, rpmPath];
        return new ToolCommand("rpmlint", arguments,
            new Dictionary<string, string?>(StringComparer.Ordinal) { ["LC_ALL"] = "C.UTF-8" });
    }

    /// <summary><c>dpkg-deb --contents package.deb</c>: the file list (see <see cref="DebContents"/>).</summary>
    public static ToolCommand DebContents(string debPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(debPath);
        return new ToolCommand("dpkg-deb", ["--contents", debPath], Plain());
    }

    /// <summary><c>dpkg-deb --extract package.deb directory</c>: the files, no maintainer scripts run.</summary>
    public static ToolCommand DebExtract(string debPath, string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(debPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return new ToolCommand("dpkg-deb", ["--extract", debPath, directory], Plain());
    }

    /// <summary><c>rpm -qp --list|--requires|--scripts package.rpm</c>.</summary>
    public static ToolCommand RpmQuery(string rpmPath, RpmQueryKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rpmPath);
        string option = kind switch
        {
            RpmQueryKind.Files => "--list",
            RpmQueryKind.Requires => "--requires",
            RpmQueryKind.Scripts => "--scripts",
            RpmQueryKind.Info => "--info",
            RpmQueryKind.Provides => "--provides",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        return new ToolCommand("rpm", ["-qp", option, rpmPath],
            new Dictionary<string, string?>(StringComparer.Ordinal) { ["LC_ALL"] = "C.UTF-8" });
    }

    /// <summary>
    /// <c>rpm --root R --dbpath /var/lib/rpm ...</c>: rpm acting on a scratch root with its own database
    /// (Debian's rpm would otherwise keep it under ~/.rpmdb). <paramref name="arguments"/> follow, e.g.
    /// <c>--initdb</c>, <c>-i --nodeps --noscripts a.rpm</c>, <c>-e --nodeps --noscripts name</c>.
    /// </summary>
    public static ToolCommand RpmInRoot(string root, IReadOnlyList<string> arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentNullException.ThrowIfNull(arguments);
        if (!Path.IsPathFullyQualified(root) || Path.TrimEndingDirectorySeparator(root) == "/")
        {
            throw new ArgumentException($"'{root}' must be an absolute path other than /.", nameof(root));
        }

        return new ToolCommand("rpm", ["--root", root, "--dbpath", RpmRootDatabase, .. arguments], Plain());
    }

    /// <summary>Where <see cref="RpmInRoot"/> keeps the database, inside the root.</summary>
    public const string RpmRootDatabase = "/var/lib/rpm";

    private static Dictionary<string, string?> Plain() => new(StringComparer.Ordinal) { ["LC_ALL"] = "C.UTF-8" };

    private static Dictionary<string, string?> ReproducibleEnvironment(long sourceDateEpoch) => new(StringComparer.Ordinal)
    {
        ["SOURCE_DATE_EPOCH"] = sourceDateEpoch.ToString(CultureInfo.InvariantCulture),
        ["LC_ALL"] = "C.UTF-8",
        ["TZ"] = "UTC",
    };
}
