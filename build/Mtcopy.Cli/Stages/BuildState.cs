namespace Mtcopy.Cli.Stages;

/// <summary>One built kernel and the modules built against it.</summary>
public sealed record BuiltVariant(
    string Name,
    string Arch,
    string BuildDir,
    string KernelRelease,
    string Image,
    string Config,
    IReadOnlyList<string> Modules);

/// <summary>
/// What Build leaves for Smoke and Package. <paramref name="MakeVariables"/> are the command-line variables the
/// kernels were built with (CC with ccache, ...): a later make on the same build directory (the kernel's own
/// bindeb-pkg in a test) must pass the same ones, or kbuild sees a changed command line and rebuilds.
/// </summary>
public sealed record BuildState(string Worktree, long SourceDateEpoch, IReadOnlyList<BuiltVariant> Variants)
{
    public IReadOnlyList<string> MakeVariables { get; init; } = [];
}
