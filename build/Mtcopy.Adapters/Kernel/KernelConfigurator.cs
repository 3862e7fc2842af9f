using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Results;
using Mtcopy.Core;
using Mtcopy.Core.Kernel;

namespace Mtcopy.Adapters.Kernel;

/// <summary>
/// Configures a kernel out of tree: start config (make target or a copied .config), merge the
/// fragment with the kernel's own merge_config.sh, olddefconfig, then verify that every option
/// of the fragment survived.
/// </summary>
public sealed class KernelConfigurator(IProcessRunner runner)
{
    public const string LogFileName = "configure.log";

    /// <exception cref="KconfigSyntaxException">The fragment has a line Kconfig would not understand.</exception>
    /// <exception cref="ConfigVerificationException">Options of the fragment were dropped or changed (unless <see cref="KernelConfigRequest.VerifyFragment"/> is false).</exception>
    /// <exception cref="KernelBuildException">A make or merge step failed.</exception>
    public async Task<KernelConfigResult> ConfigureAsync(
        KernelConfigRequest request,
        Action<string>? onLine = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        KbuildTree tree = request.Tree;
        string fragmentPath = Path.GetFullPath(request.FragmentPath);
        KconfigFile fragment = KconfigFile.Parse(ReadUserFile(fragmentPath, "config fragment"), fragmentPath);
        RequireKernelTree(tree);

        Directory.CreateDirectory(tree.BuildDir);
        string logPath = KbuildStepRunner.StartLog(request.LogDir, request.LogFileName);
        string configPath = KbuildCommands.ConfigPath(tree);

        if (request.Base.ConfigFile is { } baseConfig)
        {
            string source = Path.GetFullPath(baseConfig);
            if (!File.Exists(source))
            {
                throw new UserErrorException($"Base config {source} does not exist; give a full .config (e.g. /boot/config-$(uname -r)).");
            }

            File.Copy(source, configPath, overwrite: true);
        }
        else
        {
            await Step(KbuildCommands.BaseConfig(tree, request.Base.Targets)).ConfigureAwait(false);
        }

        await Step(KbuildCommands.MergeFragment(tree, fragmentPath)).ConfigureAwait(false);
        await Step(KbuildCommands.OldDefconfig(tree)).ConfigureAwait(false);

        if (!File.Exists(configPath))
        {
            throw new UserErrorException($"olddefconfig finished but {configPath} does not exist; see {logPath}.");
        }

        if (request.VerifyFragment)
        {
            KconfigFile final = KconfigFile.Parse(await File.ReadAllTextAsync(configPath, cancellationToken).ConfigureAwait(false), configPath);
            ConfigVerifier.EnsureApplied(fragment, final);
        }

        return new KernelConfigResult(configPath, FileHash.Sha256(configPath), logPath);

        Task Step(KbuildCommand command) =>
            KbuildStepRunner.RunAsync(runner, "configure", command, logPath, onLine, request.Timeout, cancellationToken);
    }

    internal static string ReadUserFile(string path, string what) =>
        File.Exists(path)
            ? File.ReadAllText(path)
            : throw new UserErrorException($"The {what} {path} does not exist.");

    private static void RequireKernelTree(KbuildTree tree)
    {
        string makefile = Path.Combine(tree.SourceDir, "Makefile");
        string mergeScript = KbuildCommands.MergeConfigScript(tree);
        if (!File.Exists(makefile) || !File.Exists(mergeScript))
        {
            throw new UserErrorException(
                $"{tree.SourceDir} is not a kernel source tree (no Makefile or scripts/kconfig/merge_config.sh). Point at the root of a Linux tree.");
        }
    }
}
