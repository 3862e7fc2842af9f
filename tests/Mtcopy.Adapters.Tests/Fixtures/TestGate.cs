namespace Mtcopy.Adapters.Tests.Fixtures;

/// <summary>
/// The environment-variable gates of the slow real-kernel tests. A gate is open when its variable is set to anything
/// but empty or "0" (1, true, yes...): a set gate never skips. The tests then need their inputs (MTCOPY_KERNEL_BUILD):
/// when one is missing they fail saying so, rather than skip; .ci/run also counts how many ran.
/// </summary>
public static class TestGate
{
    public static bool IsOpen(string gate) => Environment.GetEnvironmentVariable(gate) is { Length: > 0 } v && v != "0";

    /// <summary>The skip reason when <paramref name="gate"/> is closed; null (the test runs) when it is open.</summary>
    public static string? SkipUnless(string gate, string reason) => IsOpen(gate) ? null : reason;

    /// <summary>An input of a gated test: its value, or a failure that names the gate and the variable.</summary>
    public static string Required(string name, string gate) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } v
            ? v
            : throw new InvalidOperationException($"{gate} is set, so this test must run, but {name} is not set: give it (see the test's attribute), or unset {gate}.");
}
