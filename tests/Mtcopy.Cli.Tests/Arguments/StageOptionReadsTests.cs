using System.Text.RegularExpressions;
using Mtcopy.Cli.Arguments;

namespace Mtcopy.Cli.Tests.Arguments;

/// <summary>
/// Every option a stage reads is declared by its verb (so the help lists it), read from the stage's source: its
/// <c>Options.X</c> reads and the context's accessors that read options (<c>ConfigVariants()</c>, the series).
/// </summary>
public sealed partial class StageOptionReadsTests
{
    private static readonly string StagesDir = Path.Combine(RunLayout.FindRepoRoot(AppContext.BaseDirectory), "build", "Mtcopy.Cli", "Stages");

    // Not option values: the commands rebuilt from the options as given, and the verb itself.
    private static readonly HashSet<string> NotOptions = new(StringComparer.Ordinal) { "Rerun", "ReproducingCommand", "Given", "Verb" };

    // Accessors of the context that read options on the stage's behalf.
    private static readonly (string Accessor, string[] Options)[] IndirectReads =
    [
        ("ConfigVariants()", ["config", "configs"]),
        ("context.Series", ["series"]),
        ("RequireManifest(", ["series"]),
        ("Layout.SeriesDir", ["series"]),
        ("Layout.CacheDir", ["cache"]),
    ];

    public static TheoryData<string> VerbNames() => [.. Verbs.All.Select(v => v.Name)];

    [Theory]
    [MemberData(nameof(VerbNames))]
    public void Every_option_a_stage_reads_is_declared_by_its_verb(string name)
    {
        Verb verb = Verbs.Find(name)!;
        string source = StageSource(verb);
        var declared = verb.Reads.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);

        var read = OptionsRead(source).ToList();

        Assert.NotEmpty(source);
        Assert.All(read, option => Assert.True(declared.Contains(option), $"{name} reads --{option} but does not declare it in Verbs"));
    }

    [Fact]
    public void The_scan_sees_the_reads_it_checks()
    {
        Assert.Equal(["abort", "continue", "fuzz", "kernel", "series"],
            OptionsRead("context.Options.Kernel; context.Series; context.Options.Fuzz; context.Options.Continue; context.Options.Abort; context.Options.Rerun(\"Apply\", \"abort\")")
                .Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["matrix-results", "out"], OptionsRead("options.MatrixResults; options.Out"));
    }

    [Fact]
    public void Stages_use_the_options_as_given_only_to_pass_them_on_to_the_pipeline()
    {
        var lines = Directory.EnumerateFiles(StagesDir, "*.cs")
            .SelectMany(File.ReadLines)
            .Where(l => l.Contains("Options.Given", StringComparison.Ordinal))
            .ToList();

        Assert.All(lines, l => Assert.Contains("BenchCliCommands.PassThrough(context.Options.Given)", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_declared_option_is_read_by_some_verb()
    {
        var read = Verbs.All.SelectMany(v => v.Reads).ToHashSet();

        Assert.All(DeclaredOptions.All, o => Assert.Contains(o, read));
    }

    /// <summary>The stage's file and its helpers that are no stage of their own (e.g. MatrixBuild for MatrixStage).</summary>
    private static string StageSource(Verb verb)
    {
        string stageName = verb.Create().GetType().Name;
        string source = File.ReadAllText(Path.Combine(StagesDir, stageName + ".cs"));
        var helpers = Directory.EnumerateFiles(StagesDir, "*.cs")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => !n!.EndsWith("Stage", StringComparison.Ordinal) && Regex.IsMatch(source, $@"\b{n}\b"));
        return string.Join('\n', [source, .. helpers.Select(h => File.ReadAllText(Path.Combine(StagesDir, h + ".cs")))]);
    }

    private static IEnumerable<string> OptionsRead(string source)
    {
        foreach (Match m in OptionRead().Matches(source))
        {
            string property = m.Groups["property"].Value;
            if (!NotOptions.Contains(property))
            {
                yield return Kebab().Replace(property, "-$1").ToLowerInvariant();
            }
        }

        foreach ((string accessor, string[] options) in IndirectReads)
        {
            if (source.Contains(accessor, StringComparison.Ordinal))
            {
                foreach (string option in options)
                {
                    yield return option;
                }
            }
        }
    }

    [GeneratedRegex(@"\b(?:context\.Options|options)\.(?<property>[A-Z]\w*)", RegexOptions.CultureInvariant)]
    private static partial Regex OptionRead();

    [GeneratedRegex("(?<=[a-z])([A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex Kebab();
}
