using Mtcopy.Cli.Arguments;
using Mtcopy.Cli.Stages;
using static Mtcopy.Cli.Arguments.DeclaredOptions;

namespace Mtcopy.Cli;

/// <summary>One verb of the CLI: its stage and the options that stage reads (the help lists those).</summary>
public sealed record Verb(string Name, Func<IStage> Create, IReadOnlyList<OptionDeclaration> Reads);

/// <summary>The CLI's verbs, one per stage, each with the options it reads.</summary>
public static class Verbs
{
    // Every verb reads these: the output directory and the cache (the run's layout and ccache), the run id
    // (metadata.json) and the target (the command that reproduces the run).
    private static readonly OptionDeclaration[] Common = [Target, Out, Cache, RunId];

    public static IReadOnlyList<Verb> All { get; } =
    [
        Of("fetch", () => new FetchStage(), DeclaredOptions.Kernel, Series),
        Of("apply", () => new ApplyStage(), DeclaredOptions.Kernel, Series, Fuzz, Continue, Abort),
        Of("configure", () => new ConfigureStage(), Series, Config, Configs),
        Of("build", () => new BuildStage(), Series, Jobs),
        Of("smoke", () => new SmokeStage(), Series, Jobs),
        Of("package", () => new PackageStage(), Series, Jobs, SignKey, SignCert),
        Of("summary", () => new SummaryStage()),
        // The bench re-runs the pipeline with the options it was given, so it reads those that shape a build.
        Of("bench", () => new BenchStage(), DeclaredOptions.Kernel, Series, Config, Configs, Jobs, Fuzz, SignKey, SignCert),
        Of("checkseries", () => new CheckSeriesStage(), Series, Config, Configs, Jobs),
        Of("clean", () => new CleanStage()),
        Of("matrix", () => new MatrixStage(), Kernels, Series, Config, Configs, Jobs, Fuzz),
        Of("matrix-join", () => new MatrixJoinStage(), MatrixResults, Series),
        Of("rebase", () => new RebaseStage(), Onto, Series, Fuzz, Jobs, Continue, Abort),
        Of("systemtest", () => new SystemTestStage(), Series, SystemFault),
    ];

    /// <summary>The verb named <paramref name="name"/>, or null.</summary>
    public static Verb? Find(string name) => All.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.Ordinal));

    private static Verb Of(string name, Func<IStage> create, params OptionDeclaration[] reads) =>
        new(name, create, [.. Common, .. reads]);
}
