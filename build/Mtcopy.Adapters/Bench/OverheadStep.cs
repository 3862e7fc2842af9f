using Mtcopy.Core.Bench;

namespace Mtcopy.Adapters.Bench;

/// <summary>
/// One step measured both ways: the pipeline's commands (a stage process) and the bare commands it
/// wraps. The bare commands are built when they are about to run, after the pipeline side of the same
/// repetition, because some name files the pipeline made (the staged packaging trees).
/// </summary>
public sealed record OverheadStep(string Name, IReadOnlyList<BenchCommand> Pipeline, Func<IReadOnlyList<BenchCommand>> Bare);
