namespace Mtcopy.Cli.Stages;

/// <summary>What Apply leaves for the stages after it.</summary>
public sealed record AppliedSeries(
    string Worktree,
    string Branch,
    string BaseCommit,
    string ResultCommit,
    string ResultTree,
    long SourceDateEpoch,
    string SeriesName,
    string SeriesVersion);
