using System.Text.RegularExpressions;
using Mtcopy.Cli.Arguments;

namespace Mtcopy.Cli.Tests.Arguments;

/// <summary>The help's targets are build.cake's own: every task read, every stage a verb, every pass-through option declared.</summary>
public sealed class CakeTargetsTests
{
    private static readonly string Script = File.ReadAllText(Path.Combine(RunLayout.FindRepoRoot(AppContext.BaseDirectory), CakeTargets.FileName));

    [Fact]
    public void Every_task_of_build_cake_is_read()
    {
        CakeTargets cake = CakeTargets.Parse(Script);

        Assert.Equal(Regex.Count(Script, @"^Task\(", RegexOptions.Multiline), cake.Targets.Count);
        Assert.Contains(cake.Targets, t => t.Name == CakeTargets.DefaultTarget);
    }

    [Fact]
    public void Every_stage_build_cake_runs_is_a_verb_of_the_cli()
    {
        CakeTargets cake = CakeTargets.Parse(Script);

        Assert.All(cake.Targets.Where(t => t.Verb is not null), t => Assert.NotNull(Verbs.Find(t.Verb!)));
        Assert.NotNull(Verbs.Find("summary"));
    }

    [Fact]
    public void The_options_build_cake_passes_on_are_the_declared_ones()
    {
        var passed = Regex.Matches(Script, @"^var (?:passThrough|flags) = new\[\] \{(?<names>[^}]*)\}", RegexOptions.Multiline)
            .SelectMany(m => Regex.Matches(m.Groups["names"].Value, "\"(?<name>[a-z-]+)\"").Select(n => n.Groups["name"].Value))
            .Concat(["target", "run-id"])
            .Order(StringComparer.Ordinal);

        Assert.Equal(DeclaredOptions.All.Select(o => o.Name).Order(StringComparer.Ordinal), passed);
    }

    [Fact]
    public void A_target_runs_its_dependencies_first_each_once()
    {
        CakeTargets cake = CakeTargets.Parse(Script);

        Assert.Equal(["fetch", "apply", "configure", "build", "package", "smoke"], cake.Chain(cake.Find("Default")!));
        Assert.Equal(["fetch", "apply", "configure", "build", "package", "systemtest"], cake.Chain(cake.Find("systemtest")!));
        Assert.Equal(["rebase"], cake.Chain(cake.Find("Rebase")!));
    }

    [Fact]
    public void SystemTest_gets_its_own_config_and_output_directory()
    {
        CakeTargets cake = CakeTargets.Parse(Script);

        Assert.Equal(new Dictionary<string, string> { ["configs"] = "system", ["out"] = "artifacts-system" }, cake.DefaultsFor(cake.Find("SystemTest")!));
        Assert.Empty(cake.DefaultsFor(cake.Find("Package")!));
    }

    [Fact]
    public void A_small_graph_is_read_in_order()
    {
        CakeTargets cake = CakeTargets.Parse("""
            Task("A").Does(() => Stage("fetch"));
            Task("B").IsDependentOn("A").Does(() => Stage("apply"));
            Task("C").IsDependentOn("A").Does(() => Stage("matrix-join"));
            Task("All").IsDependentOn("B").IsDependentOn("C");
            """.Replace("    ", "", StringComparison.Ordinal));

        Assert.Equal(["fetch", "apply", "matrix-join"], cake.Chain(cake.Find("All")!));
        Assert.Null(cake.Find("All")!.Verb);
    }

    [Fact]
    public void A_script_without_tasks_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => CakeTargets.Parse("RunTarget(target);"));
    }
}
