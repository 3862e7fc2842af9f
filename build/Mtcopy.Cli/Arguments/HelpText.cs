namespace Mtcopy.Cli.Arguments;

/// <summary>
/// <c>./build.sh --help</c> and <c>./build.sh --target=X --help</c>, rendered from the option declarations, the verbs'
/// reads and build.cake's task graph: there is no second list to keep in step.
/// </summary>
public static class HelpText
{
    private const string Indent = "      ";

    /// <summary>Every target with the stages it runs, then every argument.</summary>
    public static string Overview(CakeTargets cake)
    {
        ArgumentNullException.ThrowIfNull(cake);
        int width = cake.Targets.Max(t => t.Name.Length);
        return Lines(
        [
            "Usage: ./build.sh [--target=TARGET] [--name=value ...]",
            "       ./build.sh [--target=TARGET] --help    the arguments TARGET's stages read",
            "",
            $"Targets (--target=, default {CakeTargets.DefaultTarget}), each with the stages it runs in order:",
            .. cake.Targets.Select(t => $"  {t.Name.PadRight(width)}  {string.Join(" -> ", cake.Chain(t))}"),
            "",
            "Arguments:",
            .. Options(DeclaredOptions.All, new Dictionary<string, string>()),
        ]);
    }

    /// <summary>The stages <paramref name="target"/> runs and the arguments they read, with the defaults that target gets.</summary>
    public static string ForTarget(CakeTargets cake, CakeTarget target)
    {
        ArgumentNullException.ThrowIfNull(cake);
        ArgumentNullException.ThrowIfNull(target);
        IReadOnlyList<string> chain = cake.Chain(target);
        return Lines(
        [
            $"./build.sh --target={target.Name} runs: {string.Join(" -> ", chain)}",
            "",
            "Arguments its stages read:",
            .. Options(Reads(chain).Where(o => o != DeclaredOptions.Target), cake.DefaultsFor(target)),
        ]);
    }

    /// <summary>The options the <paramref name="verbs"/> read, in the declarations' order.</summary>
    public static IReadOnlyList<OptionDeclaration> Reads(IEnumerable<string> verbs)
    {
        ArgumentNullException.ThrowIfNull(verbs);
        var read = verbs.SelectMany(v => (Verbs.Find(v) ?? throw new InvalidOperationException($"{CakeTargets.FileName} runs the stage '{v}', which the CLI does not have.")).Reads)
            .ToHashSet();
        return [.. DeclaredOptions.All.Where(read.Contains)];
    }

    private static IEnumerable<string> Options(IEnumerable<OptionDeclaration> options, IReadOnlyDictionary<string, string> targetDefaults)
    {
        foreach (OptionDeclaration option in options.Where(o => !o.Plumbing))
        {
            yield return option.Kind == OptionKind.Flag ? $"  --{option.Name}" : $"  --{option.Name}={option.Placeholder}";
            yield return Indent + option.Description;
            yield return Indent + "Default: " + (targetDefaults.TryGetValue(option.Name, out string? value) ? value + " (this target's)" : option.DefaultText);
        }
    }

    private static string Lines(IEnumerable<string> lines) => string.Join('\n', lines) + "\n";
}
