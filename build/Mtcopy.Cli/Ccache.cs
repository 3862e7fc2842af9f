using Mtcopy.Adapters.Process;

namespace Mtcopy.Cli;

/// <summary>
/// ccache, when installed: kbuild gets <c>CC="ccache gcc"</c>, so rebuilding the same sources (another
/// base of the matrix, a CI job with a restored cache) costs a fraction of a cold build. Objects are
/// the same either way; without ccache on PATH nothing changes.
/// </summary>
public static class Ccache
{
    public const string Program = "ccache";

    /// <summary>The make variables to add: <c>CC=ccache gcc</c> when ccache is on PATH, else none.</summary>
    public static IReadOnlyList<string> MakeVariables() => MakeVariables(Environment.GetEnvironmentVariable("PATH"));

    /// <summary>As <see cref="MakeVariables()"/>, for a given PATH (tests).</summary>
    public static IReadOnlyList<string> MakeVariables(string? path) =>
        ProgramPath.Find(Program, path) is null ? [] : ["CC=" + Program + " gcc"];
}
