namespace Mtcopy.Cli.Stages;

/// <summary>One built kernel and the modules built against it.</summary>
public sealed record BuiltVariant(
    string Name,
    string BuildDir,
    string KernelRelease,
    string Image,
    string Config,
    IReadOnlyList<string> Modules);

/// <summary>What Build leaves for Smoke and Package.</summary>
public sealed record BuildState(string Worktree, long SourceDateEpoch, IReadOnlyList<BuiltVariant> Variants);
