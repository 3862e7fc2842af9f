using System.Security.Cryptography;
using System.Text;
using Mtcopy.Adapters.Process;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Packaging;

/// <summary>
/// Builds &lt;dkms_deb&gt;_&lt;version&gt;_all.deb with dpkg-deb from a staged tree: the module source
/// and dkms.conf under /usr/src/&lt;name&gt;-&lt;version&gt;, copyright and changelog.gz under
/// /usr/share/doc, control, md5sums, postinst and prerm in DEBIAN/.
/// </summary>
public sealed class DebPackageBuilder(IProcessRunner runner)
{
    public const string LogFileName = "dpkg-deb.log";
    internal const string ControlDirectory = "DEBIAN";

    /// <returns>The .deb's path.</returns>
    /// <exception cref="ProcessFailedException">dpkg-deb failed.</exception>
    public async Task<string> BuildAsync(PackageBuildContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        PackageModel model = context.Model;
        PackageTemplateFiles templates = context.Templates;
        StagingTree tree = StagingTree.CreateEmpty(Path.Combine(context.ScratchDir, "deb", "root"));

        string sourceDir = model.SourceDirectory.TrimStart('/');
        tree.WriteFiles(sourceDir, context.ModuleSource);
        tree.WriteText(sourceDir + "/dkms.conf", templates.Render(PackageTemplate.DkmsConf, model));
        string docDir = $"usr/share/doc/{model.DkmsDeb}";
        tree.WriteText(docDir + "/copyright", templates.Render(PackageTemplate.DebCopyright, model));
        byte[] changelog = Encoding.UTF8.GetBytes(templates.Render(PackageTemplate.DebChangelog, model));
        tree.Write(docDir + "/changelog.gz", DeterministicGzip.Compress(changelog));

        tree.WriteText(ControlDirectory + "/md5sums", Md5Sums(tree));
        tree.WriteText(ControlDirectory + "/postinst", templates.Render(PackageTemplate.DebPostinst, model), executable: true);
        tree.WriteText(ControlDirectory + "/prerm", templates.Render(PackageTemplate.DebPrerm, model), executable: true);
        PackageModel sized = model with { InstalledSizeKib = tree.InstalledSizeKib(ControlDirectory) };
        tree.WriteText(ControlDirectory + "/control", templates.Render(PackageTemplate.DebControl, sized));
        tree.Normalise(model.SourceDateEpoch);

        Directory.CreateDirectory(context.OutputDir);
        string output = Path.Combine(Path.GetFullPath(context.OutputDir), model.DebFileName);
        ToolCommand command = PackagingCommands.DpkgDeb(tree.Root, output, model.SourceDateEpoch);
        await ToolRun.RunAsync(runner, command, context.LogPath(LogFileName), throwOnNonZeroExit: true, cancellationToken)
            .ConfigureAwait(false);
        return output;
    }

    // dpkg's md5sums: "<md5>  <path without leading />" for every file outside DEBIAN/.
    internal static string Md5Sums(StagingTree tree)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(tree.Root, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(tree.Root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (!relative.StartsWith(ControlDirectory + "/", StringComparison.Ordinal))
            {
#pragma warning disable CA5351 // MD5 is what dpkg's md5sums format is; it detects corruption, not tampering.
                hashes[relative] = Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(file)));
#pragma warning restore CA5351
            }
        }

        return ChecksumFile.Format(hashes);
    }
}
