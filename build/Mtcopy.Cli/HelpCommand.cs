using Mtcopy.Cli.Arguments;
using Mtcopy.Core;

namespace Mtcopy.Cli;

/// <summary>
/// <c>mtcopy help [TARGET]</c> (what <c>./build.sh [--target=TARGET] --help</c> runs): the help from the option
/// declarations and build.cake's task graph. Starts nothing.
/// </summary>
public static class HelpCommand
{
    public const string Verb = "help";

    /// <summary>Asked for by the verb <c>help</c>, or by <c>--help</c> or <c>-h</c> anywhere.</summary>
    public static bool IsAsked(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return (args.Count > 0 && args[0] == Verb) || args.Any(a => a is "--help" or "-h");
    }

    /// <summary>Writes the help for the target the arguments name (<c>--target=X</c> or <c>help X</c>), or the overview.</summary>
    public static int Run(IReadOnlyList<string> args, string repoRoot, ConsoleReporter console)
    {
        ArgumentNullException.ThrowIfNull(console);
        try
        {
            var cake = CakeTargets.Parse(File.ReadAllText(Path.Combine(repoRoot, CakeTargets.FileName)));
            string text = TargetNamed(args) is { } name
                ? HelpText.ForTarget(cake, cake.Find(name)
                    ?? throw new UserErrorException($"Unknown target '{name}'; use one of: {string.Join(", ", cake.Targets.Select(t => t.Name))}."))
                : HelpText.Overview(cake);
            console.Plain(text.TrimEnd('\n'));
            return CliApp.ExitOk;
        }
        catch (UserErrorException e)
        {
            console.Error(e.Message);
            return CliApp.ExitUser;
        }
        catch (IOException e)
        {
            console.Error($"cannot read {CakeTargets.FileName}: {e.Message}");
            return CliApp.ExitInfrastructure;
        }
    }

    /// <summary>The target of <c>--target=X</c>, else the word after <c>help</c>; null: none.</summary>
    internal static string? TargetNamed(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        const string prefix = "--target=";
        string? given = args.LastOrDefault(a => a.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];
        given ??= args.Count > 1 && args[0] == Verb && !args[1].StartsWith('-') ? args[1] : null;
        return string.IsNullOrWhiteSpace(given) ? null : given;
    }
}
