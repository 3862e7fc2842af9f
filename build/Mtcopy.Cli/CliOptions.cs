using System.Globalization;
using Mtcopy.Core;
using Mtcopy.Core.Results;

namespace Mtcopy.Cli;

/// <summary>The pipeline's arguments, as given on the command line (<c>--name=value</c>).</summary>
public sealed record CliOptions
{
    public const string DefaultKernel = "debian:6.12";

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "kernel", "series", "config", "configs", "out", "jobs", "fuzz", "continue", "abort", "cache",
        "run-id", "sign-key", "sign-cert", "kernels", "onto", "matrix-results", "target", "system-fault",
    };

    public required string Verb { get; init; }

    public string Kernel { get; init; } = DefaultKernel;

    public string Series { get; init; } = "patches";

    /// <summary>A config fragment or a full .config; null means the manifest's default fragment.</summary>
    public string? Config { get; init; }

    /// <summary>Which of the manifest's config fragments to build and smoke; null means the default one.</summary>
    public IReadOnlyList<string>? Configs { get; init; }

    public string Out { get; init; } = "artifacts";

    public int Jobs { get; init; } = Environment.ProcessorCount;

    public int Fuzz { get; init; }

    public bool Continue { get; init; }

    public bool Abort { get; init; }

    public string? Cache { get; init; }

    public string? RunId { get; init; }

    public IReadOnlyDictionary<string, string> Raw { get; init; } = new Dictionary<string, string>();

    /// <summary>The ./build.sh command line that reproduces this run: the user's options, not our plumbing.</summary>
    public IReadOnlyList<string> ReproducingCommand() =>
        ["./build.sh", .. Raw.Where(kv => kv.Key != "run-id").OrderBy(kv => kv.Key == "target" ? "" : kv.Key, StringComparer.Ordinal)
            .Select(kv => $"--{kv.Key}={kv.Value}")];

    /// <summary>
    /// This run's command for <paramref name="target"/> again, with the user's options (not --continue or --abort)
    /// and then <paramref name="flag"/>: what to type after fixing a conflict.
    /// </summary>
    public string Rerun(string target, string flag) =>
        ShellQuoting.Join(["./build.sh", "--target=" + target,
            .. Raw.Where(kv => kv.Key is not ("run-id" or "target" or "continue" or "abort")).OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => $"--{kv.Key}={kv.Value}"),
            "--" + flag]);

    public static CliOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0].StartsWith('-'))
        {
            throw new UserErrorException("Name a stage first: fetch, apply, configure, build, smoke, package, summary, bench or clean.");
        }

        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string arg in args.Skip(1))
        {
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UserErrorException($"'{arg}' is not an option; write --name=value.");
            }

            int eq = arg.IndexOf('=', StringComparison.Ordinal);
            string name = eq < 0 ? arg[2..] : arg[2..eq];
            string value = eq < 0 ? "true" : arg[(eq + 1)..];
            if (!Known.Contains(name))
            {
                throw new UserErrorException($"Unknown option --{name}. Known options: {string.Join(", ", Known.Order(StringComparer.Ordinal).Select(k => "--" + k))}.");
            }

            raw[name] = value;
        }

        return new CliOptions
        {
            Verb = args[0].ToLowerInvariant(),
            Kernel = NonEmpty(raw, "kernel") ?? DefaultKernel,
            Series = NonEmpty(raw, "series") ?? "patches",
            Config = NonEmpty(raw, "config"),
            Configs = NonEmpty(raw, "configs")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Out = NonEmpty(raw, "out") ?? "artifacts",
            Jobs = Number(raw, "jobs", Environment.ProcessorCount, 1),
            Fuzz = Number(raw, "fuzz", 0, 0),
            Continue = Flag(raw, "continue"),
            Abort = Flag(raw, "abort"),
            Cache = NonEmpty(raw, "cache"),
            RunId = NonEmpty(raw, "run-id"),
            Raw = raw,
        };
    }

    private static string? NonEmpty(Dictionary<string, string> raw, string name) =>
        raw.TryGetValue(name, out string? v) && !string.IsNullOrWhiteSpace(v) ? v : null;

    private static bool Flag(Dictionary<string, string> raw, string name) =>
        raw.TryGetValue(name, out string? v) && v is not ("false" or "0" or "");

    private static int Number(Dictionary<string, string> raw, string name, int fallback, int min)
    {
        if (!raw.TryGetValue(name, out string? v))
        {
            return fallback;
        }

        return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= min
            ? n
            : throw new UserErrorException($"--{name}={v} is not a whole number of at least {min}.");
    }
}
