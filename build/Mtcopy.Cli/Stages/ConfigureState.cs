namespace Mtcopy.Cli.Stages;

/// <summary>One configured kernel build directory.</summary>
public sealed record ConfiguredVariant(string Name, string Arch, string BuildDir, string ConfigPath, string ConfigSha256);

/// <summary>What Configure leaves for Build.</summary>
public sealed record ConfigureState(string Worktree, string ResultTree, long SourceDateEpoch, IReadOnlyList<ConfiguredVariant> Variants);
