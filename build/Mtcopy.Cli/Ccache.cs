using Mtcopy.Adapters.Process;

namespace Mtcopy.Cli;

/// <summary>
/// ccache, when installed: kbuild gets <c>CC</c> and <c>HOSTCC</c> as <c>ccache gcc</c> (the same for both: the
/// kernel's binrpm-pkg drops the kernel-devel package when CC differs from HOSTCC), with the cache under the source
/// cache (<c>&lt;cache&gt;/ccache</c>) and paths taken relative to the output directory, so that a fresh output
/// directory, another clone or a CI job with the cache kept hits what an earlier build compiled. make exports
/// command-line variables to its recipes, which is how CCACHE_DIR and CCACHE_BASEDIR reach ccache. The working
/// directory stays in the hash (ccache's default) so that objects with debug info never carry another directory's
/// paths: the output is what a build without ccache makes. Without ccache on PATH nothing changes.
/// </summary>
public static class Ccache
{
    public const string Program = "ccache";

    private static (string CacheDir, string BaseDir)? where;

    /// <summary>Where this run's cache and base directory are (<see cref="CliApp"/> sets them from the run's layout).</summary>
    public static void Configure(RunLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        where = (Path.Combine(layout.CacheDir, Program), layout.OutDir);
    }

    /// <summary>The make variables to add: ccache's when ccache is on PATH, else none.</summary>
    public static IReadOnlyList<string> MakeVariables() => MakeVariables(Environment.GetEnvironmentVariable("PATH"), where);

    /// <summary>As <see cref="MakeVariables()"/>, for a given PATH and cache and base directories (tests).</summary>
    public static IReadOnlyList<string> MakeVariables(string? path, (string CacheDir, string BaseDir)? directories)
    {
        if (ProgramPath.Find(Program, path) is null)
        {
            return [];
        }

        string[] compilers = ["CC=" + Program + " gcc", "HOSTCC=" + Program + " gcc"];
        return directories is { } d ? [.. compilers, "CCACHE_DIR=" + d.CacheDir, "CCACHE_BASEDIR=" + d.BaseDir] : compilers;
    }
}
