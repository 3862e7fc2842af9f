using System.Security.Cryptography;
using System.Text;
using Mtcopy.Adapters.Process;
using Mtcopy.Core;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Packaging;

/// <summary>
/// Builds the prebuilt-module packages for one kernel: the .deb with dpkg-deb from a staged tree
/// (the module under /lib/modules/&lt;release&gt;/updates, copyright and changelog.gz, control,
/// md5sums, postinst and postrm), and the kmodtool-style rpms with rpmbuild from the rendered spec with
/// the module as Source0: kmod-&lt;name&gt;-&lt;release&gt; (the module under /usr/lib/modules/&lt;release&gt;/extra/)
/// and the kmod-&lt;name&gt; meta package. The module is packed byte for byte as given. Same inputs, same bytes.
/// </summary>
public sealed class ModulePackageBuilder(IProcessRunner runner)
{
    public const string DebLogFileName = "dpkg-deb-modules.log";
    public const string RpmLogFileName = "rpmbuild-modules.log";
    internal const string ControlDirectory = "DEBIAN";

    /// <exception cref="UserErrorException">The module file or a template is missing, or the scratch path has whitespace.</exception>
    /// <exception cref="TemplateException">A template does not parse or render.</exception>
    /// <exception cref="ProcessFailedException">dpkg-deb or rpmbuild failed.</exception>
    public async Task<ModulePackagesResult> BuildAsync(ModulePackagingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!File.Exists(request.ModulePath))
        {
            throw new UserErrorException($"Module {request.ModulePath} does not exist: build it (Build stage) before packaging it.");
        }

        string scratch = Path.GetFullPath(request.ScratchDir);
        if (scratch.Any(char.IsWhiteSpace))
        {
            throw new UserErrorException($"Scratch directory '{scratch}' contains whitespace, which rpmbuild's scripts cannot handle: choose another.");
        }

        byte[] module = await File.ReadAllBytesAsync(request.ModulePath, cancellationToken).ConfigureAwait(false);
        var templates = new PackageTemplateFiles(request.RepositoryRoot);
        string outputDir = Path.GetFullPath(request.OutputDir);
        Directory.CreateDirectory(outputDir);
        string deb = await BuildDebAsync(request, module, templates, scratch, outputDir, cancellationToken).ConfigureAwait(false);
        (string meta, string kmod) = await BuildRpmAsync(request, module, templates, scratch, outputDir, cancellationToken).ConfigureAwait(false);
        return new ModulePackagesResult(deb, meta) { KmodRpm = kmod };
    }

    private async Task<string> BuildDebAsync(ModulePackagingRequest request, byte[] module, PackageTemplateFiles templates, string scratch,
        string outputDir, CancellationToken cancellationToken)
    {
        ModulePackageModel model = request.Model;
        const string control = ControlDirectory;
        StagingTree tree = StagingTree.CreateEmpty(Path.Combine(scratch, "deb", "root"));
        tree.Write(model.ModuleFile.TrimStart('/'), module);
        string docDir = $"usr/share/doc/{model.ModulesDeb}";
        tree.WriteText(docDir + "/copyright", templates.Render(PackageTemplate.DebCopyright, model));
        tree.Write(docDir + "/changelog.gz", DeterministicGzip.Compress(Encoding.UTF8.GetBytes(templates.Render(PackageTemplate.DebChangelog, model))));

        tree.WriteText(control + "/md5sums", Md5Sums(tree));
        tree.WriteText(control + "/postinst", templates.Render(PackageTemplate.ModulesDebPostinst, model), executable: true);
        tree.WriteText(control + "/postrm", templates.Render(PackageTemplate.ModulesDebPostrm, model), executable: true);
        ModulePackageModel sized = model with { InstalledSizeKib = tree.InstalledSizeKib(control) };
        tree.WriteText(control + "/control", templates.Render(PackageTemplate.ModulesDebControl, sized));
        tree.Normalise(model.SourceDateEpoch);

        string output = Path.Combine(outputDir, model.DebFileName);
        await ToolRun.RunAsync(runner, PackagingCommands.DpkgDeb(tree.Root, output, model.SourceDateEpoch), LogPath(request, DebLogFileName),
            throwOnNonZeroExit: true, cancellationToken).ConfigureAwait(false);
        return output;
    }

    private async Task<(string Meta, string Kmod)> BuildRpmAsync(ModulePackagingRequest request, byte[] module, PackageTemplateFiles templates, string scratch,
        string outputDir, CancellationToken cancellationToken)
    {
        ModulePackageModel model = request.Model;
        StagingTree top = StagingTree.CreateEmpty(Path.Combine(scratch, "rpm"));
        top.Write($"SOURCES/{model.ModuleName}.ko", module);
        string spec = top.WriteText("SPECS/" + model.RpmSpecFileName, templates.Render(PackageTemplate.ModulesRpmSpec, model));
        top.Normalise(model.SourceDateEpoch);
        Directory.CreateDirectory(top.PathOf("tmp"));

        ToolCommand command = PackagingCommands.RpmBuild(top.Root, spec, model.SourceDateEpoch, model.RpmArch);
        await ToolRun.RunAsync(runner, command, LogPath(request, RpmLogFileName), throwOnNonZeroExit: true, cancellationToken).ConfigureAwait(false);
        string Copy(string name)
        {
            string built = top.PathOf($"RPMS/{model.RpmArch}/{name}");
            if (!File.Exists(built))
            {
                throw new InvalidOperationException($"rpmbuild succeeded but did not write {built}.");
            }

            string output = Path.Combine(outputDir, name);
            File.Copy(built, output, overwrite: true);
            return output;
        }

        return (Copy(model.RpmFileName), Copy(model.KmodRpmFileName));
    }

    private static string? LogPath(ModulePackagingRequest request, string fileName) =>
        request.LogDir is null ? null : Path.Combine(Path.GetFullPath(request.LogDir), fileName);

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
