using Mtcopy.Core.Results;

namespace Mtcopy.Cli.Stages;

/// <summary>What Apply leaves for the stages after it; <see cref="Patches"/>: how each patch applied (CheckSeries judges them).</summary>
public sealed record AppliedSeries(
    string Worktree,
    string Branch,
    string BaseCommit,
    string ResultCommit,
    string ResultTree,
    long SourceDateEpoch,
    string SeriesName,
    string SeriesVersion,
    IReadOnlyList<PatchRecord>? Patches = null);
