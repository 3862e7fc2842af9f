using Mtcopy.Adapters.Process;
using Mtcopy.Core;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Packaging;

/// <summary>
/// Builds &lt;dkms_rpm&gt;-&lt;version&gt;-1.noarch.rpm with rpmbuild in a private topdir: the spec
/// unpacks the source tarball (Source0) into /usr/src/&lt;name&gt;-&lt;version&gt; and adds dkms.conf (Source1).
/// </summary>
public sealed class RpmPackageBuilder(IProcessRunner runner)
{
    public const string LogFileName = "rpmbuild.log";

    /// <returns>The .rpm's path.</returns>
    /// <exception cref="UserErrorException">The scratch directory's path contains whitespace.</exception>
    /// <exception cref="ProcessFailedException">rpmbuild failed.</exception>
    public async Task<string> BuildAsync(PackageBuildContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        DkmsPackageModel model = context.Model;
        if (context.ScratchDir.Any(char.IsWhiteSpace))
        {
            throw new UserErrorException(
                $"Scratch directory '{context.ScratchDir}' contains whitespace, which rpmbuild's scripts cannot handle: choose another.");
        }

        StagingTree top = StagingTree.CreateEmpty(Path.Combine(context.ScratchDir, "rpm"));
        top.Write("SOURCES/" + model.TarballFileName,
            SourceTarball.Create(model.TarballPrefix, [.. context.ModuleSource], model.SourceDateEpoch));
        top.WriteText("SOURCES/dkms.conf", context.Templates.Render(PackageTemplate.DkmsConf, model));
        string spec = top.WriteText("SPECS/" + model.RpmSpecFileName, context.Templates.Render(PackageTemplate.RpmSpec, model));
        top.Normalise(model.SourceDateEpoch);
        Directory.CreateDirectory(top.PathOf("tmp"));

        ToolCommand command = PackagingCommands.RpmBuild(top.Root, spec, model.SourceDateEpoch);
        await ToolRun.RunAsync(runner, command, context.LogPath(LogFileName), throwOnNonZeroExit: true, cancellationToken)
            .ConfigureAwait(false);

        string built = top.PathOf("RPMS/noarch/" + model.RpmFileName);
        if (!File.Exists(built))
        {
            throw new InvalidOperationException($"rpmbuild succeeded but did not write {built}.");
        }

        Directory.CreateDirectory(context.OutputDir);
        string output = Path.Combine(Path.GetFullPath(context.OutputDir), model.RpmFileName);
        File.Copy(built, output, overwrite: true);
        return output;
    }
}
