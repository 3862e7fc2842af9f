using Mtcopy.Cli.Arguments;

namespace Mtcopy.Cli.Tests.Arguments;

/// <summary>The help, rendered from the declarations, the verbs' reads and build.cake.</summary>
public sealed class HelpTextTests
{
    private static readonly CakeTargets Cake = CakeTargets.Parse(
        File.ReadAllText(Path.Combine(RunLayout.FindRepoRoot(AppContext.BaseDirectory), CakeTargets.FileName)));

    public static TheoryData<string> TargetNames() => [.. Cake.Targets.Select(t => t.Name)];

    [Fact]
    public void The_overview_lists_every_target_and_every_argument_with_its_default()
    {
        string text = HelpText.Overview(Cake);

        Assert.StartsWith("Usage: ./build.sh [--target=TARGET] [--name=value ...]\n", text, StringComparison.Ordinal);
        Assert.Contains("  Package      fetch -> apply -> configure -> build -> package\n", text, StringComparison.Ordinal);
        Assert.All(Cake.Targets, t => Assert.Contains($"\n  {t.Name} ", text, StringComparison.Ordinal));
        Assert.All(DeclaredOptions.All.Where(o => !o.Plumbing), o => Assert.Contains(Usage(o) + "\n", text, StringComparison.Ordinal));
        Assert.Contains("  --kernel=debian:6.12|TREE|TARBALL|git:URL@REF\n", text, StringComparison.Ordinal);
        Assert.Contains("      Default: debian:6.12\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("--run-id", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_help_of_Package_lists_what_its_stages_read_in_declaration_order()
    {
        string text = HelpText.ForTarget(Cake, Cake.Find("Package")!);
        string[] lines = text.Split('\n');

        Assert.Equal("./build.sh --target=Package runs: fetch -> apply -> configure -> build -> package", lines[0]);
        Assert.Equal("Arguments its stages read:", lines[2]);
        Assert.Equal(
            ["--kernel", "--series", "--config", "--configs", "--out", "--jobs", "--fuzz", "--continue", "--abort", "--cache", "--sign-key", "--sign-cert"],
            lines.Where(l => l.StartsWith("  --", StringComparison.Ordinal)).Select(l => l.Trim().Split('=')[0]));
        // Each argument: its usage, its description, its default.
        Assert.Equal(12 * 3, lines.Skip(3).Count(l => l.Length > 0));
        Assert.Contains("  --jobs=N\n      Parallel make jobs for the kernel and module builds.\n      Default: ", text, StringComparison.Ordinal);
        Assert.Contains("  --continue\n", text, StringComparison.Ordinal);
        Assert.Contains("      Default: off\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("--onto", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void Every_option_the_stages_of_a_target_read_is_in_its_help(string name)
    {
        CakeTarget target = Cake.Find(name)!;
        string text = HelpText.ForTarget(Cake, target);

        var read = Cake.Chain(target).SelectMany(v => Verbs.Find(v)!.Reads).Distinct()
            .Where(o => !o.Plumbing && o != DeclaredOptions.Target).ToList();

        Assert.NotEmpty(read);
        Assert.All(read, o => Assert.Contains(Usage(o) + "\n", text, StringComparison.Ordinal));
    }

    [Fact]
    public void SystemTest_shows_the_defaults_build_cake_gives_it()
    {
        string text = HelpText.ForTarget(Cake, Cake.Find("SystemTest")!);

        Assert.Contains("  --out=DIR\n", text, StringComparison.Ordinal);
        Assert.Contains("      Default: artifacts-system (this target's)\n", text, StringComparison.Ordinal);
        Assert.Contains("      Default: system (this target's)\n", text, StringComparison.Ordinal);
        Assert.Contains("  --system-fault=FAULT\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "help" }, null)]
    [InlineData(new[] { "help", "Package" }, "Package")]
    [InlineData(new[] { "help", "--target=Apply", "--help" }, "Apply")]
    [InlineData(new[] { "--target=Rebase", "-h" }, "Rebase")]
    [InlineData(new[] { "help", "--help" }, null)]
    public void The_target_comes_from_target_or_the_word_after_help(string[] args, string? expected)
    {
        Assert.True(HelpCommand.IsAsked(args));
        Assert.Equal(expected, HelpCommand.TargetNamed(args));
    }

    [Fact]
    public void A_stage_command_is_no_help()
    {
        Assert.False(HelpCommand.IsAsked(["build", "--target=Build", "--kernel=debian:7.2"]));
    }

    private static string Usage(OptionDeclaration option) =>
        option.Kind == OptionKind.Flag ? $"  --{option.Name}" : $"  --{option.Name}={option.Placeholder}";
}
