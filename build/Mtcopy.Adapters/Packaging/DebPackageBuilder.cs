using Mtcopy.Adapters.Process;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Packaging;

/// <summary>
/// Builds the DKMS package the Debian way: a source package &lt;name&gt;-&lt;version&gt;/ (the module source as in the
/// upstream tarball, plus a debian/ directory rendered from packaging/deb/) built with <c>dpkg-buildpackage</c>, whose
/// debian/rules is <c>dh $@ --with dkms</c>. debhelper writes the maintainer scripts (dh_dkms), md5sums, Installed-Size
/// and the compressed changelog. Writes the .dsc, .orig.tar.gz, .debian.tar.xz and &lt;dkms_deb&gt;_&lt;version&gt;-1_all.deb
/// into the output directory; the .changes and .buildinfo (they name the build machine) go to the log directory.
/// </summary>
public sealed class DebPackageBuilder(IProcessRunner runner)
{
    public const string LogFileName = "dpkg-buildpackage.log";

    private static readonly string[] RecordSuffixes = [".changes", ".buildinfo"];

    /// <param name="context">What to build from.</param>
    /// <param name="upstreamTarball">The upstream tarball (&lt;name&gt;-&lt;version&gt;.tar.gz): the .orig.tar.gz is a copy of it.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <exception cref="ProcessFailedException">dpkg-buildpackage failed.</exception>
    public async Task<DebSourcePackage> BuildAsync(PackageBuildContext context, string upstreamTarball, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(upstreamTarball);
        PackageTemplateFiles templates = context.Templates;
        StagingTree work = StagingTree.CreateEmpty(Path.Combine(context.ScratchDir, "deb"));
        DkmsPackageModel model = context.Model with
        {
            SourceFiles = SourceInstallEntry.For(context.Model.SourceDirectory, context.ModuleSource.Select(f => f.RelativePath)),
        };

        string source = model.TarballPrefix;
        work.WriteFiles(source, context.ModuleSource);
        foreach ((PackageTemplate template, string path, bool executable) in DebianFiles(model))
        {
            work.WriteText(source + "/" + path, templates.Render(template, model), executable);
        }

        work.Normalise(model.SourceDateEpoch);
        File.Copy(upstreamTarball, work.PathOf(model.OrigTarballFileName), overwrite: true);

        ToolCommand command = PackagingCommands.DpkgBuildpackage(work.PathOf(source), model.SourceDateEpoch);
        await ToolRun.RunAsync(runner, command, context.LogPath(LogFileName), throwOnNonZeroExit: true, cancellationToken).ConfigureAwait(false);

        Directory.CreateDirectory(context.OutputDir);
        string Move(string name)
        {
            string built = work.PathOf(name);
            if (!File.Exists(built))
            {
                throw new InvalidOperationException($"dpkg-buildpackage succeeded but did not write {built}.");
            }

            string output = Path.Combine(Path.GetFullPath(context.OutputDir), name);
            File.Copy(built, output, overwrite: true);
            return output;
        }

        var result = new DebSourcePackage(Move(model.DscFileName), Move(model.OrigTarballFileName), Move(model.DebianTarballFileName), Move(model.DebFileName));
        if (context.LogDir is { } logDir)
        {
            Directory.CreateDirectory(logDir);
            foreach (string record in Directory.EnumerateFiles(work.Root).Where(f => RecordSuffixes.Any(s => f.EndsWith(s, StringComparison.Ordinal))))
            {
                File.Copy(record, Path.Combine(logDir, Path.GetFileName(record)), overwrite: true);
            }
        }

        return result;
    }

    /// <summary>The debian/ files of the source package: template, path under the source directory, executable.</summary>
    public static IReadOnlyList<(PackageTemplate Template, string Path, bool Executable)> DebianFiles(DkmsPackageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return
        [
            (PackageTemplate.DebControl, "debian/control", false),
            (PackageTemplate.DebRules, "debian/rules", true),
            (PackageTemplate.DebChangelog, "debian/changelog", false),
            (PackageTemplate.DebCopyright, "debian/copyright", false),
            (PackageTemplate.DebSourceFormat, "debian/source/format", false),
            (PackageTemplate.DebInstall, $"debian/{model.DkmsDeb}.install", false),
            (PackageTemplate.DkmsConf, $"debian/{model.DkmsDeb}.dkms", false),
            (PackageTemplate.DebLintianOverrides, $"debian/{model.DkmsDeb}.lintian-overrides", false),
        ];
    }
}
