using Mtcopy.Adapters.Kernel;

namespace Mtcopy.Adapters.Smoke;

/// <summary>
/// The smoke guest as the stages use it (<see cref="GuestRunner"/> over qemu; a stage test gives a fake): its test-only
/// modules built against a kernel, and one boot judged by the KTAP it reports.
/// </summary>
public interface IGuestRunner
{
    /// <summary>
    /// The .ko files of the guest's test-only modules, for <see cref="GuestRunRequest.TestModulePaths"/>, built through
    /// <paramref name="kernelBuild"/> (the step the series' modules are built with).
    /// </summary>
    Task<IReadOnlyList<string>> BuildTestModulesAsync(IKernelBuild kernelBuild, GuestTestModulesRequest request, Action<string>? onLine, CancellationToken cancellationToken);

    /// <summary>One boot of the guest: its report and where its files (KTAP, console, JUnit) are.</summary>
    Task<GuestRunResult> RunAsync(GuestRunRequest request, Action<string>? onLine, CancellationToken cancellationToken);
}
