using System.Globalization;

namespace Mtcopy.Core.Packaging;

/// <summary>
/// What makes the kernel's own bindeb-pkg and binrpm-pkg byte-reproducible, beyond the variables
/// they already honour:
/// <list type="bullet">
/// <item>a <c>date</c> that answers SOURCE_DATE_EPOCH (mkdebian writes <c>date -R</c> and mkspec
/// <c>date +'%a %b %d %Y'</c> into the changelogs);</item>
/// <item>a <c>dpkg-deb</c> that first gives every file of the tree it packs the mtime SOURCE_DATE_EPOCH;</item>
/// <item>an rpm definition of the %install preamble whose exit trap does the same to the build root.</item>
/// </list>
/// dpkg-deb and rpmbuild only clamp mtimes newer than SOURCE_DATE_EPOCH down to it, so files written
/// before that instant (a series dated later than the build machine's clock) would keep their times.
/// The shims go in a directory put first on PATH; each execs the real program by its absolute path.
/// </summary>
public sealed record KernelPackageShims(string Directory, string RealDate, string RealDpkgDeb)
{
    public const string DateName = "date";
    public const string DpkgDebName = "dpkg-deb";
    public const string PinMtimesName = "pin-mtimes";

    /// <summary>The shims' text, independent of where the real programs are: a stamp input, so that a changed recipe repackages.</summary>
    public static string Recipe =>
        DateScript("/date") + DpkgDebScript("/dpkg-deb") + PinMtimesScript + RpmInstallPreamble("/shims")
        + string.Join('\n', KernelPackageCommands.RpmReproducibleDefines);

    /// <summary>Every file to write into <see cref="Directory"/> (all executable): name and content.</summary>
    public IReadOnlyList<(string Name, string Content)> Files =>
    [
        (DateName, DateScript(RealDate)),
        (DpkgDebName, DpkgDebScript(RealDpkgDeb)),
        (PinMtimesName, PinMtimesScript),
    ];

    /// <summary>The rpmbuild definition (for RPMOPTS' --define) of the %install preamble with the mtime trap.</summary>
    public string RpmInstallPreambleDefine => RpmInstallPreamble(Directory);

    /// <summary>PATH for the packaging make: the shims first, then <paramref name="basePath"/>.</summary>
    public string SearchPath(string? basePath) =>
        string.IsNullOrEmpty(basePath) ? Directory : Directory + ":" + basePath;

    /// <summary>
    /// <c>date</c> as of SOURCE_DATE_EPOCH, unless the caller names a date or a file itself
    /// (-d, -r, -f, -s and their long forms) or SOURCE_DATE_EPOCH is unset.
    /// </summary>
    public static string DateScript(string realDate)
    {
        RequirePlainPath(realDate, nameof(realDate));
        return string.Create(CultureInfo.InvariantCulture, $$"""
            #!/bin/sh
            # mtcopy: date for the kernel's packaging targets. "Now" is SOURCE_DATE_EPOCH, so the
            # changelogs mkdebian and mkspec write carry the series' date rather than the clock's.
            [ -n "$SOURCE_DATE_EPOCH" ] || exec {{realDate}} "$@"
            for arg do
            	case $arg in
            	-d* | --date* | -r* | --reference* | -f* | --file* | -s* | --set*) exec {{realDate}} "$@" ;;
            	esac
            done
            exec {{realDate}} -d "@$SOURCE_DATE_EPOCH" "$@"

            """);
    }

    /// <summary>
    /// <c>dpkg-deb</c> that, for every argument that is a package tree (a directory with DEBIAN/),
    /// pins every file's mtime (<see cref="PinMtimesScript"/>) before the real dpkg-deb packs it.
    /// </summary>
    public static string DpkgDebScript(string realDpkgDeb)
    {
        RequirePlainPath(realDpkgDeb, nameof(realDpkgDeb));
        return string.Create(CultureInfo.InvariantCulture, $$"""
            #!/bin/sh
            # mtcopy: dpkg-deb for the kernel's packaging targets. Every file of a tree being packed
            # gets the mtime SOURCE_DATE_EPOCH (dpkg-deb itself only clamps newer ones down to it).
            for arg do
            	if [ -d "$arg/DEBIAN" ]; then
            		"$(dirname "$0")/{{PinMtimesName}}" "$arg" || exit 1
            	fi
            done
            exec {{realDpkgDeb}} "$@"

            """);
    }

    /// <summary><c>pin-mtimes [DIR]</c>: every file under DIR (default: $RPM_BUILD_ROOT) gets the mtime SOURCE_DATE_EPOCH, when both are set.</summary>
    public static string PinMtimesScript { get; } = """
        #!/bin/sh
        # mtcopy: every file under DIR (default $RPM_BUILD_ROOT) gets the mtime SOURCE_DATE_EPOCH.
        dir=${1:-$RPM_BUILD_ROOT}
        [ -n "$SOURCE_DATE_EPOCH" ] && [ -n "$dir" ] && [ -d "$dir" ] || exit 0
        find "$dir" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

        """;

    /// <summary>
    /// The %install preamble as the platform macros define it (the common preamble, then a fresh build
    /// root) plus an exit trap that pins the build root's mtimes once %install and the spec's own
    /// __spec_install_post have run. One line (rpmbuild's --define cannot carry a newline through make),
    /// so ';' separates the commands after the common preamble's last line. A --define, because
    /// rpmbuild --target reloads the platform macros after any --load.
    /// </summary>
    public static string RpmInstallPreamble(string shimDirectory)
    {
        RequirePlainPath(shimDirectory, nameof(shimDirectory));
        return "__spec_install_pre %{___build_pre};trap " + shimDirectory + "/" + PinMtimesName + " EXIT;"
            + "%{__rm} -rf \"%{buildroot}\";%{__mkdir_p} \"%{dirname:%{buildroot}}\";%{__mkdir} \"%{buildroot}\"";
    }

    private static void RequirePlainPath(string path, string name)
    {
        if (!Path.IsPathFullyQualified(path) || path.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '`' or '\\' or ';' or '%'))
        {
            throw new ArgumentException($"'{path}' must be an absolute path without spaces, quotes or shell and rpm macro characters.", name);
        }
    }
}
