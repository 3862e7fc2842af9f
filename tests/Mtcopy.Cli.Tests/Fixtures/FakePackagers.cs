using Mtcopy.Adapters.Packaging;
using Mtcopy.Cli.Packaging;
using Mtcopy.Core.Kernel;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Cli.Tests.Fixtures;

/// <summary>
/// Packagers that make no package: each call is recorded, and a stand-in file is written where the real packager
/// puts its package (named as the request's model names it); the package smoke and the linters pass, unless
/// <see cref="FailingSmokeCheck"/> names a check the rpm smoke is to fail.
/// </summary>
public sealed class FakePackagers : IPackagers
{
    private readonly List<string> calls = [];

    /// <summary>Every call, in order: its kind and what it was for.</summary>
    public IReadOnlyList<string> Calls => calls;

    public string? FailingSmokeCheck { get; init; }

    public Task<PackagingResult> BuildDkmsAsync(PackagingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        DkmsPackageModel model = request.Model;
        calls.Add("dkms " + model.DebFileName);
        string Put(string name) => Write(request.OutputDir, name);
        return Task.FromResult(new PackagingResult(Put(model.TarballFileName),
            new DebSourcePackage(Put(model.DscFileName), Put(model.OrigTarballFileName), Put(model.DebianTarballFileName), Put(model.DebFileName)),
            Put(model.RpmFileName), Put(ChecksumFile.Sha256SumsFileName)));
    }

    public Task<KernelPackagesResult> BuildKernelAsync(KernelPackagingRequest request, Action<string>? onLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        calls.Add($"kernel {request.Model.Release} {request.Maintainer.Name} left out: {string.Join(' ', request.LeftOutModules)}");
        return Task.FromResult(new KernelPackagesResult([.. request.Model.DebFiles.Select(f => Write(request.OutputDir, f))],
            [.. request.Model.RpmFiles.Select(f => Write(request.OutputDir, f))], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
    }

    public Task<ModulePackagesResult> BuildModulesAsync(ModulePackagingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ModulePackageModel model = request.Model;
        calls.Add($"modules {model.DebFileName} signed: {model.IsSigned}");
        return Task.FromResult(new ModulePackagesResult(Write(request.OutputDir, model.DebFileName), Write(request.OutputDir, model.RpmFileName))
        {
            KmodRpm = Write(request.OutputDir, model.KmodRpmFileName),
        });
    }

    public Task<string> EnsureSignFileAsync(KbuildTree tree, string logDir, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tree);
        calls.Add("sign-file");
        return Task.FromResult(ModuleSigner.SignFilePath(tree.BuildDir));
    }

    public Task SignAsync(string signFile, ModuleSigningKey key, string modulePath, string logPath, CancellationToken cancellationToken)
    {
        calls.Add("sign " + Path.GetFileName(modulePath));
        return Task.CompletedTask;
    }

    public Task<UnpatchedKernel> PrepareUnpatchedAsync(UnpatchedKernelRequest request, IReadOnlyList<string> seriesOptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        calls.Add("unpatched kernel without " + string.Join(' ', seriesOptions));
        return Task.FromResult(new UnpatchedKernel(request.BuildDir, "6.12.117", Reused: false));
    }

    public Task<PackageSmokeReport> SmokeDebAsync(DkmsSmokeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        calls.Add($"smoke deb {Path.GetFileName(request.DkmsDeb)} {Path.GetFileName(request.HeadersDeb)}");
        string module = Write(Path.GetDirectoryName(request.ModuleCopyPath!)!, Path.GetFileName(request.ModuleCopyPath!));
        return Task.FromResult(Report([PackageSmokeCheck.Pass("deb/dkms_install_patched", "fake"),
            new PackageSmokeCheck("deb/dkms_declines_unpatched", PackageSmokeStatus.Declined, "fake")], module));
    }

    public Task<PackageSmokeReport> SmokeRpmAsync(RpmSmokeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        calls.Add($"smoke rpm {Path.GetFileName(request.KernelRpm)} {request.DkmsSourceDirectory}");
        return Task.FromResult(Report([PackageSmokeCheck.That("rpm/erase_leaves_nothing", FailingSmokeCheck != "rpm/erase_leaves_nothing", "fake")], null));
    }

    public Task<LintReport> LintAsync(string package, string rpmlintConfig, string logPath, CancellationToken cancellationToken)
    {
        calls.Add("lint " + Path.GetFileName(package));
        return Task.FromResult(LintReport.FromRun("fake-lint", package, 0, []));
    }

    private static PackageSmokeReport Report(IReadOnlyList<PackageSmokeCheck> checks, string? module) => new(checks, [], [], module);

    private static string Write(string directory, string name)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, name);
        File.WriteAllText(path, "fake " + name + "\n");
        return path;
    }
}
