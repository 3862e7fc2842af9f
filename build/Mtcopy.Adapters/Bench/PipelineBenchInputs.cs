using Mtcopy.Core.Kernel;

namespace Mtcopy.Adapters.Bench;

/// <summary>
/// Everything the overhead bench needs: the real run's state and worktree, the scratch output
/// directory the pipeline's stages run in (and its state, packaging and package directories, as the
/// stages lay them out), how to start the CLI, and the variants and modules that were built.
/// </summary>
public sealed record PipelineBenchInputs(
    string RepoRoot,
    string RealStateDir,
    string Worktree,
    string ScratchOut,
    string ScratchStateDir,
    IReadOnlyList<string> Launcher,
    IReadOnlyList<string> PassThrough,
    IReadOnlyList<PipelineBenchVariant> Variants,
    IReadOnlyList<ModuleSource> Modules)
{
    /// <summary>Touched before each side so both do the same small rebuild.</summary>
    public string TouchedFile { get; init; } = "mm/migrate.c";

    public int Repetitions { get; init; } = 2;

    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>The Build stage's KBUILD_BUILD_* values.</summary>
    public KbuildPinnedEnvironment? Pinned { get; init; }

    /// <summary>Make variables the stages pass (the empty LOCALVERSION).</summary>
    public IReadOnlyList<string> KbuildVariables { get; init; } = [];

    public long SourceDateEpoch { get; init; }

    /// <summary>tests/guest: the test program's source.</summary>
    public required string GuestSourceDir { get; init; }

    /// <summary>Where the Package stage stages its trees (<c>&lt;scratch&gt;/work/packaging</c>) and writes packages.</summary>
    public required string ScratchPackagingDir { get; init; }

    public required string ScratchPackagesDir { get; init; }

    /// <summary>rpmlint's filters, as the Package stage passes them; null for none.</summary>
    public string? RpmlintConfig { get; init; }

    /// <summary>The stages measured, in pipeline order.</summary>
    public static IReadOnlyList<string> Stages { get; } = ["configure", "build", "smoke", "package"];

    public string BareDir => Path.Combine(ScratchOut, "bare");

    public string LogDir => Path.Combine(ScratchOut, "bench-logs");

    public const string RunId = "bench-pipeline";
}
