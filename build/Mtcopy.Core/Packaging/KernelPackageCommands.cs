using System.Globalization;
using Mtcopy.Core.Kernel;

namespace Mtcopy.Core.Packaging;

/// <summary>
/// The kernel's own packaging targets as commands: <c>make bindeb-pkg</c> and <c>make binrpm-pkg</c>
/// in the source tree with O=&lt;build dir&gt;, the tree's ARCH and extra variables (LOCALVERSION=),
/// the pinned KBUILD_BUILD_* values and SOURCE_DATE_EPOCH, so that make finds the built kernel up to
/// date and only packs it, and with <see cref="KernelPackageShims"/> first on PATH (and its %install
/// preamble defined) so that the packages' dates and mtimes are SOURCE_DATE_EPOCH too.
/// </summary>
public static class KernelPackageCommands
{
    /// <summary>The rpmbuild definitions passed through the kernel Makefile's RPMOPTS (see <see cref="PackagingCommands.RpmBuild"/>).</summary>
    public static IReadOnlyList<string> RpmReproducibleDefines { get; } =
    [
        "_buildhost " + PackagingCommands.BuildHost,
        "use_source_date_epoch_as_buildtime 1",
        "clamp_mtime_to_source_date_epoch 1",
        "_binary_payload w9.gzdio",
    ];

    /// <summary>
    /// <c>make -C src O=build ARCH=.. LOCALVERSION= -jN bindeb-pkg</c> with KDEB_PKGVERSION, KDEB_SOURCENAME,
    /// KDEB_CHANGELOG_DIST and the maintainer (DEBFULLNAME/DEBEMAIL) set. The .deb files land in the
    /// PARENT of the build directory.
    /// </summary>
    public static KbuildCommand BindebPkg(KbuildTree tree, KernelPackageModel spec, PackageMaintainer who, KbuildPinnedEnvironment pinned, long sourceDateEpoch, int jobs, KernelPackageShims shims, string? basePath)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(who);
        Dictionary<string, string?> environment = Environment(pinned, sourceDateEpoch, spec, shims, basePath);
        environment["KDEB_PKGVERSION"] = spec.DebVersion;
        environment["KDEB_SOURCENAME"] = spec.DebSourceName;
        environment["KDEB_CHANGELOG_DIST"] = "unstable";
        environment["KDEB_COMPRESS"] = "xz";
        environment["DEBFULLNAME"] = who.Name;
        environment["DEBEMAIL"] = who.Email;
        return Make(tree, jobs, "bindeb-pkg", [], environment);
    }

    /// <summary>
    /// <c>make -C src O=build ARCH=.. LOCALVERSION= -jN binrpm-pkg RPMOPTS=...</c>: the spec's changelog names the
    /// maintainer (through git's environment configuration, which mkspec reads), rpmbuild gets the
    /// reproducibility definitions. The .rpm files land in &lt;build&gt;/rpmbuild/RPMS/&lt;arch&gt;/.
    /// Before running it, write <see cref="RpmVersionFileContent"/> to &lt;build&gt;/.version: mkspec takes
    /// the RPM Release from scripts/build-version, which increments that file.
    /// </summary>
    public static KbuildCommand BinrpmPkg(KbuildTree tree, KernelPackageModel spec, PackageMaintainer who, KbuildPinnedEnvironment pinned, long sourceDateEpoch, int jobs, KernelPackageShims shims, string? basePath)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(who);
        Dictionary<string, string?> environment = Environment(pinned, sourceDateEpoch, spec, shims, basePath);
        environment["GIT_CONFIG_COUNT"] = "2";
        environment["GIT_CONFIG_KEY_0"] = "user.name";
        environment["GIT_CONFIG_VALUE_0"] = who.Name;
        environment["GIT_CONFIG_KEY_1"] = "user.email";
        environment["GIT_CONFIG_VALUE_1"] = who.Email;
        string rpmOptions = string.Join(' ', RpmReproducibleDefines.Append(shims.RpmInstallPreambleDefine).Select(d => "--define='" + d + "'"));
        return Make(tree, jobs, "binrpm-pkg", ["RPMOPTS=" + rpmOptions], environment);
    }

    /// <summary>What &lt;build&gt;/.version must hold so that scripts/build-version prints the build number.</summary>
    public static string RpmVersionFileContent(KernelPackageModel spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return (spec.BuildNumber - 1).ToString(CultureInfo.InvariantCulture) + "\n";
    }

    private static Dictionary<string, string?> Environment(KbuildPinnedEnvironment pinned, long sourceDateEpoch, KernelPackageModel spec, KernelPackageShims shims, string? basePath)
    {
        ArgumentNullException.ThrowIfNull(pinned);
        ArgumentNullException.ThrowIfNull(shims);
        if (pinned.BuildVersion != spec.BuildNumber)
        {
            throw new ArgumentException(
                $"The packages' build number {spec.BuildNumber} differs from the kernel's KBUILD_BUILD_VERSION {pinned.BuildVersion}: make would relink the kernel.",
                nameof(spec));
        }

        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["KCONFIG_CONFIG"] = null,
            ["CONFIG_"] = null,
            ["SOURCE_DATE_EPOCH"] = sourceDateEpoch.ToString(CultureInfo.InvariantCulture),
            ["LC_ALL"] = "C.UTF-8",
            ["TZ"] = "UTC",
            ["PATH"] = shims.SearchPath(basePath),
        };
        foreach ((string name, string? value) in pinned.ToEnvironment())
        {
            environment[name] = value;
        }

        return environment;
    }

    private static KbuildCommand Make(KbuildTree tree, int jobs, string target, IReadOnlyList<string> variables, Dictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        return new KbuildCommand(
            tree.MakeProgram,
            ["-C", tree.SourceDir, "O=" + tree.BuildDir, "ARCH=" + tree.Arch, .. tree.ExtraVariables, .. variables,
             "-j" + jobs.ToString(CultureInfo.InvariantCulture), target],
            tree.SourceDir,
            environment);
    }
}
