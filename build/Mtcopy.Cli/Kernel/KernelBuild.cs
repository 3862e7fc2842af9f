using Mtcopy.Adapters.Kernel;
using Mtcopy.Adapters.Process;
using Mtcopy.Core.Kernel;

namespace Mtcopy.Cli.Kernel;

/// <summary>
/// <see cref="IKernelBuild"/> over the kernel adapters (<see cref="KernelConfigurator"/>, <see cref="KernelBuilder"/>):
/// the make variables and the number of jobs are decided here, once, for every step.
/// </summary>
public sealed class KernelBuild(IProcessRunner runner, IReadOnlyList<string> compilerVariables, int jobs) : IKernelBuild
{
    /// <summary>Where <see cref="ConfigureAsync"/> writes the variant's fragments, in the build directory.</summary>
    public const string FragmentFileName = "mtcopy-fragment.config";

    /// <summary>An empty LOCALVERSION keeps kbuild from appending "+" for a git tree: the release is exactly the config's.</summary>
    public const string NoScmVersion = "LOCALVERSION=";

    /// <summary><see cref="NoScmVersion"/>, then the compiler variables (ccache's CC and HOSTCC when it is installed).</summary>
    public IReadOnlyList<string> MakeVariables { get; } = [NoScmVersion, .. compilerVariables];

    public KbuildTree Tree(string sourceDir, string buildDir, string arch) =>
        new(sourceDir, buildDir, arch) { ExtraVariables = MakeVariables };

    public async Task<KernelConfigResult> ConfigureAsync(KbuildTree tree, ConfigVariant variant, string logPath, bool verifyFragment,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(variant);
        Directory.CreateDirectory(tree.BuildDir);
        string fragmentPath = Path.Combine(tree.BuildDir, FragmentFileName);
        await File.WriteAllTextAsync(fragmentPath, variant.CombinedFragmentText(), cancellationToken).ConfigureAwait(false);
        KernelConfigBase start = variant.BaseConfigFile is { } file
            ? KernelConfigBase.FromFile(file)
            : KernelConfigBase.FromTargets(variant.BaseTarget!);
        var request = new KernelConfigRequest(tree, start, fragmentPath, LogDir(logPath))
        {
            LogFileName = Path.GetFileName(logPath),
            VerifyFragment = verifyFragment,
        };
        return await new KernelConfigurator(runner).ConfigureAsync(request, null, cancellationToken).ConfigureAwait(false);
    }

    public Task<KernelBuildResult> BuildAsync(KbuildTree tree, KbuildPinnedEnvironment pinned, string logPath, Action<string>? onLine,
        CancellationToken cancellationToken) =>
        new KernelBuilder(runner).BuildAsync(Request(tree, pinned, logPath), onLine, cancellationToken);

    public Task<KernelBuildResult> BuildTargetsAsync(KbuildTree tree, IReadOnlyList<string> targets, KbuildPinnedEnvironment pinned, string logPath,
        CancellationToken cancellationToken) =>
        new KernelBuilder(runner).BuildAsync(Request(tree, pinned, logPath) with { Targets = targets }, null, cancellationToken);

    public async Task<IReadOnlyList<string>> BuildModulesAsync(KbuildTree tree, IReadOnlyList<ModuleToBuild> modules, KbuildPinnedEnvironment pinned,
        string logDir, string artifactDir, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(modules);
        var copies = new List<string>();
        foreach (ModuleToBuild module in modules)
        {
            ModuleBuildResult result = await new KernelBuilder(runner).BuildExternalModuleAsync(
                new ModuleBuildRequest(tree.BuildDir, module.SourceDir, logDir)
                {
                    OutDir = module.ScratchDir,
                    Arch = tree.Arch,
                    Jobs = jobs,
                    Pinned = pinned,
                    ExtraVariables = MakeVariables,
                }, null, cancellationToken).ConfigureAwait(false);
            string ko = result.Modules.FirstOrDefault(m => Path.GetFileName(m) == module.Name + ".ko")
                ?? throw new StageFailedException($"Building {module.Name} left no {module.Name}.ko in {result.ModuleDir}; see {result.LogPath}.");
            string copy = Path.Combine(artifactDir, module.Name + ".ko");
            Directory.CreateDirectory(artifactDir);
            File.Copy(ko, copy, overwrite: true);
            copies.Add(copy);
        }

        return copies;
    }

    private KernelBuildRequest Request(KbuildTree tree, KbuildPinnedEnvironment pinned, string logPath) =>
        new(tree, LogDir(logPath)) { LogFileName = Path.GetFileName(logPath), Jobs = jobs, Pinned = pinned };

    private static string LogDir(string logPath) =>
        Path.GetDirectoryName(Path.GetFullPath(logPath)) ?? throw new ArgumentException($"'{logPath}' names no file in a directory.", nameof(logPath));
}
