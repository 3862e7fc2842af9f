using Mtcopy.Cli.Arguments;
using Mtcopy.Core;
using Mtcopy.Core.Results;

namespace Mtcopy.Cli;

/// <summary>
/// The pipeline's arguments, as given on the command line (<c>--name=value</c>), read into typed values. Each is
/// declared once in <see cref="DeclaredOptions"/> (name, kind, default, description); <see cref="Verbs"/> says which
/// ones each stage reads.
/// </summary>
public sealed record CliOptions
{
    public required string Verb { get; init; }

    public string Kernel { get; init; } = DeclaredOptions.Kernel.Default!;

    public string Series { get; init; } = DeclaredOptions.Series.Default!;

    /// <summary>A config fragment or a full .config; null means the manifest's default fragment.</summary>
    public string? Config { get; init; }

    /// <summary>Which of the manifest's config fragments to build and smoke; null means the default one.</summary>
    public IReadOnlyList<string>? Configs { get; init; }

    public string Out { get; init; } = DeclaredOptions.Out.Default!;

    public int Jobs { get; init; } = Environment.ProcessorCount;

    public int Fuzz { get; init; }

    public bool Continue { get; init; }

    public bool Abort { get; init; }

    public string? Cache { get; init; }

    public string? RunId { get; init; }

    /// <summary>The module signing key (a PEM file or a pkcs11: URI); null: unsigned.</summary>
    public string? SignKey { get; init; }

    /// <summary>The certificate that goes with <see cref="SignKey"/>.</summary>
    public string? SignCert { get; init; }

    /// <summary>Matrix's bases, as given (duplicates and all); empty when not given.</summary>
    public IReadOnlyList<string> Kernels { get; init; } = [];

    /// <summary>Rebase's new base; null when not given.</summary>
    public string? Onto { get; init; }

    /// <summary>MatrixJoin's matrix.json files or directories, as given; empty when not given.</summary>
    public IReadOnlyList<string> MatrixResults { get; init; } = [];

    /// <summary>SystemTest's negative control by name; null: none.</summary>
    public string? SystemFault { get; init; }

    /// <summary>The <c>name=value</c> pairs as given: only for rebuilding a command line, never for a stage's settings.</summary>
    public IReadOnlyDictionary<string, string> Given { get; init; } = new Dictionary<string, string>();

    /// <summary>The ./build.sh command line that reproduces this run: the user's options, not our plumbing.</summary>
    public IReadOnlyList<string> ReproducingCommand() =>
        ["./build.sh", .. Given.Where(kv => kv.Key != "run-id").OrderBy(kv => kv.Key == "target" ? "" : kv.Key, StringComparer.Ordinal)
            .Select(kv => $"--{kv.Key}={kv.Value}")];

    /// <summary>
    /// This run's command for <paramref name="target"/> again, with the user's options (not --continue or --abort)
    /// and then <paramref name="flag"/>: what to type after fixing a conflict.
    /// </summary>
    public string Rerun(string target, string flag) =>
        ShellQuoting.Join(["./build.sh", "--target=" + target,
            .. Given.Where(kv => kv.Key is not ("run-id" or "target" or "continue" or "abort")).OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => $"--{kv.Key}={kv.Value}"),
            "--" + flag]);

    /// <summary>Reads <c>verb --name=value ...</c>; a missing verb, an unknown option or a bad value is a user error.</summary>
    public static CliOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0].StartsWith('-'))
        {
            throw new UserErrorException("Name a stage first: fetch, apply, configure, build, smoke, package, summary, bench or clean.");
        }

        var given = new GivenOptions(args.Skip(1));
        return new CliOptions
        {
            Verb = args[0].ToLowerInvariant(),
            Kernel = given.Text(DeclaredOptions.Kernel)!,
            Series = given.Text(DeclaredOptions.Series)!,
            Config = given.Text(DeclaredOptions.Config),
            Configs = given.List(DeclaredOptions.Configs),
            Out = given.Text(DeclaredOptions.Out)!,
            Jobs = given.Number(DeclaredOptions.Jobs),
            Fuzz = given.Number(DeclaredOptions.Fuzz),
            Continue = given.Flag(DeclaredOptions.Continue),
            Abort = given.Flag(DeclaredOptions.Abort),
            Cache = given.Text(DeclaredOptions.Cache),
            RunId = given.Text(DeclaredOptions.RunId),
            SignKey = given.Text(DeclaredOptions.SignKey),
            SignCert = given.Text(DeclaredOptions.SignCert),
            Kernels = given.List(DeclaredOptions.Kernels) ?? [],
            Onto = given.Text(DeclaredOptions.Onto),
            MatrixResults = given.List(DeclaredOptions.MatrixResults) ?? [],
            SystemFault = given.Text(DeclaredOptions.SystemFault),
            Given = given.Pairs,
        };
    }
}
