using System.Text.RegularExpressions;

namespace Mtcopy.Cli.Arguments;

/// <summary>One build.cake target: the targets it depends on, in order, and the CLI verb it runs (none for Default).</summary>
public sealed record CakeTarget(string Name, IReadOnlyList<string> DependsOn, string? Verb);

/// <summary>
/// build.cake's task graph, read from the script itself so the help cannot drift from it: each
/// <c>Task("X").IsDependentOn("Y")...Does(() =&gt; Stage("verb"))</c> line, and the defaults build.cake gives SystemTest.
/// </summary>
public sealed partial class CakeTargets
{
    public const string FileName = "build.cake";

    /// <summary>The target <c>./build.sh</c> runs without <c>--target=</c>.</summary>
    public const string DefaultTarget = "Default";

    private CakeTargets(IReadOnlyList<CakeTarget> targets, IReadOnlyDictionary<string, string> systemTestDefaults)
    {
        Targets = targets;
        SystemTestDefaults = systemTestDefaults;
    }

    /// <summary>The targets, in build.cake's order.</summary>
    public IReadOnlyList<CakeTarget> Targets { get; }

    /// <summary>Option defaults build.cake passes to every stage of SystemTest when the user gives none.</summary>
    public IReadOnlyDictionary<string, string> SystemTestDefaults { get; }

    public static CakeTargets Parse(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var targets = TaskLine().Matches(script).Select(m => new CakeTarget(
            m.Groups["name"].Value,
            [.. m.Groups["dep"].Captures.Select(c => c.Value)],
            m.Groups["verb"].Success ? m.Groups["verb"].Value : null)).ToList();
        Match defaults = SystemTestDefaultsLine().Match(script);
        var systemTest = defaults.Success
            ? DefaultPair().Matches(defaults.Value).ToDictionary(p => p.Groups["key"].Value, p => p.Groups["value"].Value, StringComparer.Ordinal)
            : [];
        return targets.Count > 0
            ? new CakeTargets(targets, systemTest)
            : throw new InvalidOperationException($"{FileName} declares no Task(\"...\"): its task graph cannot be read.");
    }

    public CakeTarget? Find(string name) => Targets.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The verbs <paramref name="target"/> runs, in Cake's order: dependencies first, depth first, each once.</summary>
    public IReadOnlyList<string> Chain(CakeTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var verbs = new List<string>();
        Visit(target);
        return verbs;

        void Visit(CakeTarget t)
        {
            if (!visited.Add(t.Name))
            {
                return;
            }

            foreach (string dependency in t.DependsOn)
            {
                Visit(Find(dependency) ?? throw new InvalidOperationException($"{FileName}: {t.Name} depends on {dependency}, which is not a task."));
            }

            if (t.Verb is { } verb)
            {
                verbs.Add(verb);
            }
        }
    }

    /// <summary>The defaults build.cake gives <paramref name="target"/>'s stages in place of the declared ones.</summary>
    public IReadOnlyDictionary<string, string> DefaultsFor(CakeTarget target) =>
        target is { Name: "SystemTest" } ? SystemTestDefaults : new Dictionary<string, string>();

    [GeneratedRegex("""^Task\("(?<name>\w+)"\)(?:\.IsDependentOn\("(?<dep>\w+)"\))*(?:\.Does\(\(\) => Stage\("(?<verb>[\w-]+)"\)\))?;""",
        RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TaskLine();

    [GeneratedRegex(@"^var systemTestDefaults = .*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex SystemTestDefaultsLine();

    [GeneratedRegex(@"\[""(?<key>[\w-]+)""\] = ""(?<value>[^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex DefaultPair();
}
