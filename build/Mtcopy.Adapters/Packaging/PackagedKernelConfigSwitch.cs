using Mtcopy.Adapters.Kernel;
using Mtcopy.Adapters.Process;
using Mtcopy.Core.Kernel;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Packaging;

/// <summary>
/// Switches the built kernel's .config to the packaged one (<see cref="PackagedKernelConfig"/>: the modules a module
/// package ships left out) for the packaging targets, and back afterwards: the saved .config restored and
/// <c>make bzImage modules</c> run again, so the build directory is left as the Build stage made it (in-tree module
/// included). Both happen in the same build directory, where Kbuild rebuilds only what reads the switched symbols.
/// </summary>
internal sealed class PackagedKernelConfigSwitch
{
    public const string FragmentFileName = "mtcopy-packaged-kernel.config";
    public const string SavedConfigFileName = ".config.mtcopy-built";
    public const string LogFileName = "packaged-kernel-config.log";
    public const string RestoreLogFileName = "packaged-kernel-restore.log";

    private readonly KbuildTree _tree;

    private PackagedKernelConfigSwitch(KbuildTree tree) => _tree = tree;

    private string ConfigPath => Path.Combine(_tree.BuildDir, ".config");

    private string SavedPath => Path.Combine(_tree.BuildDir, SavedConfigFileName);

    /// <summary>Saves .config, merges the fragment that leaves <paramref name="leftOutModules"/> out, runs olddefconfig and checks the result.</summary>
    /// <exception cref="KernelPackagingException">Kconfig kept one of the symbols enabled (another option selects it).</exception>
    public static async Task<PackagedKernelConfigSwitch> LeaveOutAsync(IProcessRunner runner, KbuildTree tree, IReadOnlyList<string> leftOutModules,
        string logDir, CancellationToken cancellationToken)
    {
        var configSwitch = new PackagedKernelConfigSwitch(tree);
        string fragment = Path.Combine(tree.BuildDir, FragmentFileName);
        await File.WriteAllTextAsync(fragment, PackagedKernelConfig.Fragment(leftOutModules), cancellationToken).ConfigureAwait(false);
        // A switch left over by an interrupted run: the saved file is the built config, restore it first.
        if (File.Exists(configSwitch.SavedPath))
        {
            File.Copy(configSwitch.SavedPath, configSwitch.ConfigPath, overwrite: true);
        }

        File.Copy(configSwitch.ConfigPath, configSwitch.SavedPath, overwrite: true);
        string log = KbuildStepRunner.StartLog(logDir, LogFileName);
        try
        {
            await KbuildStepRunner.RunAsync(runner, "packaged kernel config", KbuildCommands.MergeFragment(tree, fragment), log, null, null, cancellationToken)
                .ConfigureAwait(false);
            await KbuildStepRunner.RunAsync(runner, "packaged kernel config", KbuildCommands.OldDefconfig(tree), log, null, null, cancellationToken)
                .ConfigureAwait(false);
            IReadOnlyList<string> still = PackagedKernelConfig.StillEnabled(
                await File.ReadAllTextAsync(configSwitch.ConfigPath, cancellationToken).ConfigureAwait(false), leftOutModules);
            if (still.Count > 0)
            {
                throw new KernelPackagingException(
                    $"Kconfig keeps {string.Join(", ", still)} enabled in the packaged kernel (another option selects it); the kernel package would ship "
                    + $"the module its module packages ship. Remove what selects it from the config fragment; see {log}.");
            }
        }
        catch
        {
            File.Move(configSwitch.SavedPath, configSwitch.ConfigPath, overwrite: true);
            throw;
        }

        return configSwitch;
    }

    /// <summary>Puts the built .config back and rebuilds (only what reads the switched symbols); returns how long that took.</summary>
    public async Task<TimeSpan> RestoreAsync(IProcessRunner runner, int jobs, KbuildPinnedEnvironment pinned, string logDir, Action<string>? onLine,
        CancellationToken cancellationToken)
    {
        File.Move(SavedPath, ConfigPath, overwrite: true);
        ProcessResult result = await KbuildStepRunner.RunAsync(runner, "rebuild with the built config", KbuildCommands.Build(_tree, jobs, null, pinned),
            KbuildStepRunner.StartLog(logDir, RestoreLogFileName), onLine, null, cancellationToken).ConfigureAwait(false);
        return result.Duration;
    }
}
