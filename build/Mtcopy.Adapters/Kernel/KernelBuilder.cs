using System.Diagnostics;
using Mtcopy.Adapters.Process;
using Mtcopy.Core;
using Mtcopy.Core.Kernel;

namespace Mtcopy.Adapters.Kernel;

/// <summary>Builds a configured kernel out of tree, and external modules against it.</summary>
public sealed class KernelBuilder(IProcessRunner runner)
{
    public const string BuildLogFileName = "build.log";
    public const string ModuleLogFileName = "module.log";

    /// <summary><c>make -C src O=build ARCH=arch -jN bzImage modules</c> with the pinned environment.</summary>
    /// <exception cref="KernelBuildException">make failed; the message holds the first error and the log path.</exception>
    public async Task<KernelBuildResult> BuildAsync(
        KernelBuildRequest request,
        Action<string>? onLine = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        KbuildTree tree = request.Tree;
        if (!File.Exists(KbuildCommands.ConfigPath(tree)))
        {
            throw new UserErrorException($"{tree.BuildDir} has no .config; configure the kernel before building it.");
        }

        string logPath = KbuildStepRunner.StartLog(request.LogDir, request.LogFileName);
        KbuildCommand command = KbuildCommands.Build(tree, request.Jobs, request.Targets, request.Pinned);
        ProcessResult result = await KbuildStepRunner
            .RunAsync(runner, "build", command, logPath, onLine, request.Timeout, cancellationToken)
            .ConfigureAwait(false);

        string releasePath = KbuildCommands.KernelReleasePath(tree.BuildDir);
        KernelRelease? release = File.Exists(releasePath)
            ? KernelRelease.Parse(await File.ReadAllTextAsync(releasePath, cancellationToken).ConfigureAwait(false), releasePath)
            : null;
        return new KernelBuildResult(tree.BuildDir, logPath, result.Duration, release);
    }

    /// <summary>
    /// Copies the module source to a scratch directory and runs
    /// <c>make -C &lt;kernel build dir&gt; M=&lt;scratch&gt; -jN modules</c> there.
    /// </summary>
    /// <exception cref="KernelBuildException">make failed; the message holds the first error and the log path.</exception>
    public async Task<ModuleBuildResult> BuildExternalModuleAsync(
        ModuleBuildRequest request,
        Action<string>? onLine = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string kernelBuildDir = Path.GetFullPath(request.KernelBuildDir);
        if (!File.Exists(Path.Combine(kernelBuildDir, "Makefile")) || !File.Exists(Path.Combine(kernelBuildDir, "Module.symvers")))
        {
            throw new UserErrorException(
                $"{kernelBuildDir} is not a built kernel (no Makefile or Module.symvers); build the kernel with the 'modules' target first.");
        }

        string moduleDir = ModuleScratch.Prepare(request.ModuleSourceDir, request.OutDir);
        string logPath = KbuildStepRunner.StartLog(request.LogDir, ModuleLogFileName);
        KbuildCommand command = KbuildCommands.ExternalModule(
            kernelBuildDir, moduleDir, request.Arch, request.Jobs, request.Pinned, request.ExtraVariables, request.MakeProgram);
        var clock = Stopwatch.StartNew();
        await KbuildStepRunner
            .RunAsync(runner, "module build", command, logPath, onLine, request.Timeout, cancellationToken)
            .ConfigureAwait(false);
        clock.Stop();

        var modules = Directory.EnumerateFiles(moduleDir, "*.ko", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new ModuleBuildResult(moduleDir, modules, logPath, clock.Elapsed);
    }
}
