using Mtcopy.Adapters.Git;
using Mtcopy.Adapters.Packaging;
using Mtcopy.Adapters.Process;
using Mtcopy.Core.Kernel;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Cli.Packaging;

/// <summary>The packagers of <see cref="IPackagers"/>, every process through <paramref name="runner"/>.</summary>
public sealed class Packagers(IProcessRunner runner) : IPackagers
{
    public Task<PackagingResult> BuildDkmsAsync(PackagingRequest request, CancellationToken cancellationToken) =>
        new DkmsPackager(runner).BuildAsync(request, cancellationToken);

    public Task<KernelPackagesResult> BuildKernelAsync(KernelPackagingRequest request, Action<string>? onLine, CancellationToken cancellationToken) =>
        new KernelPackageBuilder(runner).BuildAsync(request, onLine, cancellationToken);

    public Task<ModulePackagesResult> BuildModulesAsync(ModulePackagingRequest request, CancellationToken cancellationToken) =>
        new ModulePackageBuilder(runner).BuildAsync(request, cancellationToken);

    public Task<string> EnsureSignFileAsync(KbuildTree tree, string logDir, CancellationToken cancellationToken) =>
        new ModuleSigner(runner).EnsureSignFileAsync(tree, logDir, cancellationToken);

    public Task SignAsync(string signFile, ModuleSigningKey key, string modulePath, string logPath, CancellationToken cancellationToken) =>
        new ModuleSigner(runner).SignAsync(signFile, key, modulePath, logPath, cancellationToken);

    public Task<UnpatchedKernel> PrepareUnpatchedAsync(UnpatchedKernelRequest request, IReadOnlyList<string> seriesOptions, CancellationToken cancellationToken) =>
        new UnpatchedKernelPreparer(runner, new GitCli(runner)).PrepareAsync(request, seriesOptions, cancellationToken);

    public Task<PackageSmokeReport> SmokeDebAsync(DkmsSmokeRequest request, CancellationToken cancellationToken) =>
        new DkmsPackageSmoke(runner).RunAsync(request, cancellationToken);

    public Task<PackageSmokeReport> SmokeRpmAsync(RpmSmokeRequest request, CancellationToken cancellationToken) =>
        new RpmPackageSmoke(runner).RunAsync(request, cancellationToken);

    public Task<LintReport> LintAsync(string package, string rpmlintConfig, string logPath, CancellationToken cancellationToken) =>
        package.EndsWith(".rpm", StringComparison.Ordinal)
            ? new PackageLinter(runner).LintRpmAsync(package, rpmlintConfig, logPath, cancellationToken)
            : new PackageLinter(runner).LintDebAsync(package, logPath, cancellationToken);
}
