namespace Mtcopy.Core.Smoke;

/// <summary>How a smoke run ended, worst last.</summary>
public enum SmokeVerdict
{
    /// <summary>A complete KTAP report, every test passed or was skipped.</summary>
    Pass,

    /// <summary>A complete KTAP report with failures.</summary>
    Fail,

    /// <summary>qemu exited (guest powered off, died, or qemu failed) before the KTAP report was complete.</summary>
    Incomplete,

    /// <summary>The guest did not power off in time; the host killed qemu.</summary>
    Timeout,

    /// <summary>The console shows a kernel panic.</summary>
    Panic,
}
