using Mtcopy.Adapters.Git;
using Mtcopy.Adapters.Kernel;
using Mtcopy.Adapters.Process;
using Mtcopy.Core.Kernel;
using Mtcopy.Core.Results;

namespace Mtcopy.Adapters.Packaging;

/// <summary>
/// Prepares the base kernel without the series, as far as DKMS needs it to decide: a detached git
/// worktree of the fetched base commit, <c>make tinyconfig</c>, the config fragments merged,
/// <c>olddefconfig</c> and <c>modules_prepare</c> (seconds, no kernel build). A stamp in the build
/// directory (commit and fragments) lets a later run reuse it.
/// </summary>
public sealed class UnpatchedKernelPreparer(IProcessRunner runner, GitCli git)
{
    public const string LogFileName = "unpatched-kernel.log";
    private const string StampFileName = "mtcopy-unpatched.stamp";

    /// <exception cref="GitCommandException">The worktree could not be created.</exception>
    /// <exception cref="KernelBuildException">A make step failed.</exception>
    /// <exception cref="KernelPackagingException">The base carries the series' options after all.</exception>
    public async Task<UnpatchedKernel> PrepareAsync(UnpatchedKernelRequest request, IReadOnlyList<string> seriesOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(seriesOptions);
        string stamp = Stamp(request);
        string stampPath = Path.Combine(request.BuildDir, StampFileName);
        string releasePath = KbuildCommands.KernelReleasePath(request.BuildDir);
        bool reused = File.Exists(stampPath) && File.ReadAllText(stampPath) == stamp && File.Exists(releasePath)
            && await WorktreeAtAsync(request, cancellationToken).ConfigureAwait(false);
        if (!reused)
        {
            await CreateWorktreeAsync(request, cancellationToken).ConfigureAwait(false);
            await ConfigureAsync(request, cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(stampPath, stamp, cancellationToken).ConfigureAwait(false);
        }

        string config = await File.ReadAllTextAsync(Path.Combine(request.BuildDir, ".config"), cancellationToken).ConfigureAwait(false);
        string[] lines = config.Split('\n');
        string? present = seriesOptions.FirstOrDefault(o => lines.Any(l => l.StartsWith(o + "=", StringComparison.Ordinal)));
        if (present is not null)
        {
            throw new KernelPackagingException($"The base kernel at {request.CommitId[..12]} already sets {present}: it cannot stand for a kernel without the series.");
        }

        string release = KernelRelease.Parse(await File.ReadAllTextAsync(releasePath, cancellationToken).ConfigureAwait(false), releasePath).Value;
        return new UnpatchedKernel(request.BuildDir, release, reused);
    }

    private async Task<bool> WorktreeAtAsync(UnpatchedKernelRequest request, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(request.WorktreeDir))
        {
            return false;
        }

        GitResult head = await git.RunAsync(request.WorktreeDir, ["rev-parse", "HEAD"], cancellationToken: cancellationToken).ConfigureAwait(false);
        return head.ExitCode == 0 && head.FirstLine == request.CommitId;
    }

    private async Task CreateWorktreeAsync(UnpatchedKernelRequest request, CancellationToken cancellationToken)
    {
        if (Directory.Exists(request.WorktreeDir))
        {
            await git.RunAsync(request.RepositoryPath, ["worktree", "remove", "--force", request.WorktreeDir], cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            if (Directory.Exists(request.WorktreeDir))
            {
                Directory.Delete(request.WorktreeDir, recursive: true);
            }
        }

        await git.RunCheckedAsync(request.RepositoryPath, ["worktree", "prune"], cancellationToken: cancellationToken).ConfigureAwait(false);
        await git.RunCheckedAsync(request.RepositoryPath, ["worktree", "add", "--detach", request.WorktreeDir, request.CommitId], cancellationToken: cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task ConfigureAsync(UnpatchedKernelRequest request, CancellationToken cancellationToken)
    {
        if (Directory.Exists(request.BuildDir))
        {
            Directory.Delete(request.BuildDir, recursive: true);
        }

        Directory.CreateDirectory(request.BuildDir);
        var tree = new KbuildTree(request.WorktreeDir, request.BuildDir, request.Arch) { ExtraVariables = ["LOCALVERSION="] };
        string log = KbuildStepRunner.StartLog(request.LogDir, LogFileName);
        await Step(KbuildCommands.BaseConfig(tree, ["tinyconfig"])).ConfigureAwait(false);
        foreach (string fragment in request.FragmentPaths)
        {
            await Step(KbuildCommands.MergeFragment(tree, Path.GetFullPath(fragment))).ConfigureAwait(false);
        }

        await Step(KbuildCommands.OldDefconfig(tree)).ConfigureAwait(false);
        await Step(KbuildCommands.Build(tree, request.Jobs, ["modules_prepare"])).ConfigureAwait(false);

        Task Step(KbuildCommand command) =>
            KbuildStepRunner.RunAsync(runner, "unpatched kernel", command, log, null, TimeSpan.FromMinutes(10), cancellationToken);
    }

    private static string Stamp(UnpatchedKernelRequest request) =>
        StageFingerprint.Compute("unpatched-kernel", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["commit"] = request.CommitId,
            ["arch"] = request.Arch,
            ["fragments"] = ContentHash.Sha256(string.Join("\n", request.FragmentPaths.Select(File.ReadAllText))),
        });
}
