using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Results;
using Mtcopy.Core;
using Mtcopy.Core.Kernel;

namespace Mtcopy.Adapters.Kernel;

/// <summary>
/// <see cref="IKernelBuild"/> over make, out of tree: configure (start config, the fragment merged with the kernel's own
/// merge_config.sh, olddefconfig, then the check that every option asked for survived), build targets, build external
/// modules in scratch copies. The make variables and the number of jobs are decided here, once, for every step.
/// </summary>
public sealed class KernelBuild(IProcessRunner runner, IReadOnlyList<string> compilerVariables, int jobs) : IKernelBuild
{
    /// <summary>Where <see cref="ConfigureAsync"/> writes the variant's fragments, in the build directory.</summary>
    public const string FragmentFileName = "mtcopy-fragment.config";

    public const string ConfigureLogFileName = "configure.log";

    public const string BuildLogFileName = "build.log";

    /// <summary>The log of each module <see cref="BuildModulesAsync"/> builds, in its log directory.</summary>
    public const string ModuleLogFileName = "module.log";

    /// <summary>An empty LOCALVERSION keeps kbuild from appending "+" for a git tree: the release is exactly the config's.</summary>
    public const string NoScmVersion = "LOCALVERSION=";

    /// <summary><see cref="NoScmVersion"/>, then the compiler variables (ccache's CC and HOSTCC when it is installed).</summary>
    public IReadOnlyList<string> MakeVariables { get; } = [NoScmVersion, .. compilerVariables];

    public KbuildTree Tree(string sourceDir, string buildDir, string arch) =>
        new(sourceDir, buildDir, arch) { ExtraVariables = MakeVariables };

    /// <exception cref="KconfigSyntaxException">The fragment has a line Kconfig would not understand.</exception>
    /// <exception cref="ConfigVerificationException">Options of the fragment were dropped or changed (when <paramref name="verifyFragment"/>).</exception>
    /// <exception cref="KernelBuildException">A make or merge step failed.</exception>
    public async Task<KernelConfigResult> ConfigureAsync(KbuildTree tree, ConfigVariant variant, string logPath, bool verifyFragment,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(variant);
        string fragmentPath = Path.Combine(tree.BuildDir, FragmentFileName);
        string fragmentText = variant.CombinedFragmentText();
        KconfigFile fragment = KconfigFile.Parse(fragmentText, fragmentPath);
        if (!File.Exists(Path.Combine(tree.SourceDir, "Makefile")) || !File.Exists(KbuildCommands.MergeConfigScript(tree)))
        {
            throw new UserErrorException(
                $"{tree.SourceDir} is not a kernel source tree (no Makefile or scripts/kconfig/merge_config.sh). Point at the root of a Linux tree.");
        }

        Directory.CreateDirectory(tree.BuildDir);
        await File.WriteAllTextAsync(fragmentPath, fragmentText, cancellationToken).ConfigureAwait(false);
        string log = StartLog(logPath);
        string configPath = KbuildCommands.ConfigPath(tree);
        if (variant.BaseConfigFile is { } baseConfig)
        {
            string source = Path.GetFullPath(baseConfig);
            File.Copy(File.Exists(source)
                ? source
                : throw new UserErrorException($"Base config {source} does not exist; give a full .config (e.g. /boot/config-$(uname -r))."),
                configPath, overwrite: true);
        }
        else
        {
            await Step(KbuildCommands.BaseConfig(tree, [variant.BaseTarget!])).ConfigureAwait(false);
        }

        await Step(KbuildCommands.MergeFragment(tree, fragmentPath)).ConfigureAwait(false);
        await Step(KbuildCommands.OldDefconfig(tree)).ConfigureAwait(false);
        if (!File.Exists(configPath))
        {
            throw new UserErrorException($"olddefconfig finished but {configPath} does not exist; see {log}.");
        }

        if (verifyFragment)
        {
            KconfigFile final = KconfigFile.Parse(await File.ReadAllTextAsync(configPath, cancellationToken).ConfigureAwait(false), configPath);
            ConfigVerifier.EnsureApplied(fragment, final);
        }

        return new KernelConfigResult(configPath, FileHash.Sha256(configPath), log);

        Task Step(KbuildCommand command) => KbuildStepRunner.RunAsync(runner, "configure", command, log, null, null, cancellationToken);
    }

    /// <exception cref="KernelBuildException">make failed; the message holds the first error and the log path.</exception>
    public Task<KernelBuildResult> BuildAsync(KbuildTree tree, KbuildPinnedEnvironment pinned, string logPath, Action<string>? onLine,
        CancellationToken cancellationToken) =>
        MakeAsync(tree, null, pinned, logPath, onLine, cancellationToken);

    /// <exception cref="KernelBuildException">make failed; the message holds the first error and the log path.</exception>
    public Task<KernelBuildResult> BuildTargetsAsync(KbuildTree tree, IReadOnlyList<string> targets, KbuildPinnedEnvironment pinned, string logPath,
        CancellationToken cancellationToken) =>
        MakeAsync(tree, targets, pinned, logPath, null, cancellationToken);

    /// <exception cref="UserErrorException">The kernel in <paramref name="tree"/> is not built (no Makefile or Module.symvers).</exception>
    /// <exception cref="KernelBuildException">make failed; the message holds the first error and the log path.</exception>
    public async Task<IReadOnlyList<string>> BuildModuleAsync(KbuildTree tree, string sourceDir, string scratchDir, KbuildPinnedEnvironment? pinned,
        string logPath, Action<string>? onLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (!File.Exists(Path.Combine(tree.BuildDir, "Makefile")) || !File.Exists(Path.Combine(tree.BuildDir, "Module.symvers")))
        {
            throw new UserErrorException(
                $"{tree.BuildDir} is not a built kernel (no Makefile or Module.symvers); build the kernel with the 'modules' target first.");
        }

        string moduleDir = ModuleScratch.Prepare(sourceDir, scratchDir);
        KbuildCommand command = KbuildCommands.ExternalModule(tree.BuildDir, moduleDir, tree.Arch, jobs, pinned, tree.ExtraVariables, tree.MakeProgram);
        await KbuildStepRunner.RunAsync(runner, "module build", command, StartLog(logPath), onLine, null, cancellationToken).ConfigureAwait(false);
        return [.. Directory.EnumerateFiles(moduleDir, "*.ko", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<string>> BuildModulesAsync(KbuildTree tree, IReadOnlyList<ModuleToBuild> modules, KbuildPinnedEnvironment pinned,
        string logDir, string artifactDir, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modules);
        var copies = new List<string>();
        foreach (ModuleToBuild module in modules)
        {
            string logPath = Path.Combine(logDir, ModuleLogFileName);
            IReadOnlyList<string> built = await BuildModuleAsync(tree, module.SourceDir, module.ScratchDir, pinned, logPath, null, cancellationToken)
                .ConfigureAwait(false);
            string ko = built.FirstOrDefault(m => Path.GetFileName(m) == module.Name + ".ko")
                ?? throw new UserErrorException($"Building {module.Name} left no {module.Name}.ko in {module.ScratchDir}; see {logPath}.");
            string copy = Path.Combine(artifactDir, module.Name + ".ko");
            Directory.CreateDirectory(artifactDir);
            File.Copy(ko, copy, overwrite: true);
            copies.Add(copy);
        }

        return copies;
    }

    private async Task<KernelBuildResult> MakeAsync(KbuildTree tree, IReadOnlyList<string>? targets, KbuildPinnedEnvironment pinned, string logPath,
        Action<string>? onLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (!File.Exists(KbuildCommands.ConfigPath(tree)))
        {
            throw new UserErrorException($"{tree.BuildDir} has no .config; configure the kernel before building it.");
        }

        string log = StartLog(logPath);
        ProcessResult result = await KbuildStepRunner
            .RunAsync(runner, "build", KbuildCommands.Build(tree, jobs, targets, pinned), log, onLine, null, cancellationToken)
            .ConfigureAwait(false);
        string releasePath = KbuildCommands.KernelReleasePath(tree.BuildDir);
        KernelRelease? release = File.Exists(releasePath)
            ? KernelRelease.Parse(await File.ReadAllTextAsync(releasePath, cancellationToken).ConfigureAwait(false), releasePath)
            : null;
        return new KernelBuildResult(tree.BuildDir, log, result.Duration, release);
    }

    /// <summary>A fresh, empty log at <paramref name="logPath"/> (its directory made); its full path.</summary>
    private static string StartLog(string logPath) =>
        KbuildStepRunner.StartLog(Path.GetDirectoryName(Path.GetFullPath(logPath))!, Path.GetFileName(logPath));
}
