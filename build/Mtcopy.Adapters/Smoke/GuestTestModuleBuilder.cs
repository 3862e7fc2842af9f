using Mtcopy.Adapters.Kernel;
using Mtcopy.Adapters.Process;
using Mtcopy.Core.Kernel;
using Mtcopy.Core.Smoke;

namespace Mtcopy.Adapters.Smoke;

/// <summary>
/// Builds the smoke guest's test-only modules (<see cref="GuestTestModules"/>, e.g. tests/guest/offc-test) out of
/// tree against a built kernel, each in its own scratch directory under <see cref="Request.ScratchDir"/>, and returns
/// the .ko files for <see cref="GuestRunRequest.TestModulePaths"/>.
/// </summary>
public sealed class GuestTestModuleBuilder(IProcessRunner runner)
{
    /// <summary>
    /// Against the kernel in <paramref name="KernelBuildDir"/> (the O= directory), the modules under
    /// <paramref name="GuestSourceDir"/> (tests/guest); logs in <paramref name="LogDir"/>.
    /// </summary>
    public sealed record Request(string KernelBuildDir, string GuestSourceDir, string ScratchDir, string LogDir)
    {
        public string? Arch { get; init; }

        public int Jobs { get; init; } = Environment.ProcessorCount;

        public KbuildPinnedEnvironment? Pinned { get; init; }

        public IReadOnlyList<string> ExtraVariables { get; init; } = [];

        public string MakeProgram { get; init; } = "make";
    }

    /// <exception cref="KernelBuildException">A module did not build; the message names its log.</exception>
    /// <exception cref="SmokeSettingsException">A module directory built no .ko.</exception>
    public async Task<IReadOnlyList<string>> BuildAsync(Request request, Action<string>? onLine = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var modules = new List<string>();
        foreach (string source in GuestTestModules.SourceDirectories(request.GuestSourceDir, Directory.Exists))
        {
            string name = Path.GetFileName(source);
            ModuleBuildResult result = await new KernelBuilder(runner).BuildExternalModuleAsync(
                new ModuleBuildRequest(request.KernelBuildDir, source, Path.Combine(request.LogDir, name))
                {
                    OutDir = Path.Combine(request.ScratchDir, name),
                    Arch = request.Arch,
                    Jobs = request.Jobs,
                    Pinned = request.Pinned,
                    ExtraVariables = request.ExtraVariables,
                    MakeProgram = request.MakeProgram,
                }, onLine, cancellationToken).ConfigureAwait(false);
            if (result.Modules.Count == 0)
            {
                throw new SmokeSettingsException($"Building the test module in {source} left no .ko in {result.ModuleDir}; see {result.LogPath}.");
            }

            modules.AddRange(result.Modules);
        }

        return modules;
    }
}
