namespace Mtcopy.Core.Bench;

/// <summary>Where and when the numbers were taken: they mean little without it.</summary>
public sealed record BenchMachine(DateTimeOffset StartedUtc, int Cpus, int Jobs, string KernelRelease, string ConfigName);
