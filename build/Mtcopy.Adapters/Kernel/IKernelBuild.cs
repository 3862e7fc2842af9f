using Mtcopy.Core.Kernel;

namespace Mtcopy.Adapters.Kernel;

/// <summary>
/// The one kernel-build step of the pipeline: configure, build (bzImage and modules), external modules. Configure,
/// Build, Matrix, Rebase and CheckSeries build through it; Package, Smoke and Bench take its trees and make variables,
/// so every make on a build directory of ours has the same command line (kbuild rebuilds an object whose command line
/// changed). Stages get it from <c>StageContext.KernelBuild</c> (a test can give them another), and the smoke guest
/// builds its test modules through it.
/// </summary>
public interface IKernelBuild
{
    /// <summary>The make variables of every make on a kernel tree of ours (LOCALVERSION=, ccache's CC when installed).</summary>
    IReadOnlyList<string> MakeVariables { get; }

    /// <summary>The kernel tree in <paramref name="sourceDir"/> built in <paramref name="buildDir"/>, with <see cref="MakeVariables"/>.</summary>
    KbuildTree Tree(string sourceDir, string buildDir, string arch);

    /// <summary>
    /// The variant's starting config, its fragments (written to <c>&lt;build&gt;/mtcopy-fragment.config</c>) merged,
    /// olddefconfig; then, when <paramref name="verifyFragment"/>, the check that every option asked for is set.
    /// </summary>
    Task<KernelConfigResult> ConfigureAsync(KbuildTree tree, ConfigVariant variant, string logPath, bool verifyFragment, CancellationToken cancellationToken);

    /// <summary><c>make bzImage modules</c> with the pinned identity; its log is <paramref name="logPath"/>.</summary>
    Task<KernelBuildResult> BuildAsync(KbuildTree tree, KbuildPinnedEnvironment pinned, string logPath, Action<string>? onLine, CancellationToken cancellationToken);

    /// <summary><c>make &lt;targets&gt;</c> (e.g. single objects) with the pinned identity; its log is <paramref name="logPath"/>.</summary>
    Task<KernelBuildResult> BuildTargetsAsync(KbuildTree tree, IReadOnlyList<string> targets, KbuildPinnedEnvironment pinned, string logPath,
        CancellationToken cancellationToken);

    /// <summary>
    /// The external module in <paramref name="sourceDir"/> against the built kernel in <paramref name="tree"/>: its source
    /// copied to <paramref name="scratchDir"/> (never built in place), then <c>make M=</c> there; its log is
    /// <paramref name="logPath"/>. The .ko files it made, sorted.
    /// </summary>
    Task<IReadOnlyList<string>> BuildModuleAsync(KbuildTree tree, string sourceDir, string scratchDir, KbuildPinnedEnvironment? pinned,
        string logPath, Action<string>? onLine, CancellationToken cancellationToken);

    /// <summary>
    /// Each module against the built kernel in <paramref name="tree"/>, in its scratch directory; its <c>&lt;name&gt;.ko</c>
    /// copied to <paramref name="artifactDir"/>; logs in <c>&lt;logDir&gt;/module.log</c>. The copies, in the order of <paramref name="modules"/>.
    /// </summary>
    Task<IReadOnlyList<string>> BuildModulesAsync(KbuildTree tree, IReadOnlyList<ModuleToBuild> modules, KbuildPinnedEnvironment pinned,
        string logDir, string artifactDir, CancellationToken cancellationToken);
}
