using Mtcopy.Adapters.Kernel;
using Mtcopy.Adapters.Results;
using Mtcopy.Core.Kernel;
using Mtcopy.Core.Results;
using Mtcopy.Core.Series.Manifest;

namespace Mtcopy.Cli.Stages;

/// <summary>
/// Build: the kernel out of tree (O=), then each module of the manifest out of tree against it.
/// A variant whose tree, config and module sources are unchanged is skipped.
/// </summary>
public sealed class BuildStage : IStage
{
    public const string StateName = "build";

    public string Name => StateName;

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var configured = StateFile.Read<ConfigureState>(context.Layout.StateDir, ConfigureStage.StateName);
        var built = new List<BuiltVariant>();
        var artifacts = new List<string>();
        var notes = new List<string>();
        bool ranAny = false;
        foreach (ConfiguredVariant variant in configured.Variants)
        {
            (BuiltVariant done, string note, bool ran) = await BuildAsync(context, configured, variant, cancellationToken).ConfigureAwait(false);
            built.Add(done);
            artifacts.AddRange([done.Image, done.Config, .. done.Modules]);
            notes.Add(note);
            ranAny |= ran;
        }

        StateFile.Write(context.Layout.StateDir, StateName, new BuildState(configured.Worktree, configured.SourceDateEpoch, built)
        {
            MakeVariables = context.KernelBuild.MakeVariables,
        });
        string message = string.Join("; ", notes);
        return (ranAny ? StageOutcome.Pass(message) : StageOutcome.Skip(message)) with { Artifacts = artifacts };
    }

    /// <summary>
    /// What a variant's build depends on, the inputs of its stamp: the tree, the config, the source date, the make
    /// variables (ccache installed or removed changes CC: kbuild rebuilds, and so must we) and each module's source hash.
    /// </summary>
    public static IReadOnlyDictionary<string, string> StampInputs(ConfigureState configured, ConfiguredVariant variant,
        IReadOnlyList<string> makeVariables, IReadOnlyDictionary<string, string> moduleSourceHashes)
    {
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentNullException.ThrowIfNull(makeVariables);
        ArgumentNullException.ThrowIfNull(moduleSourceHashes);
        var inputs = new Dictionary<string, string>
        {
            ["tree"] = configured.ResultTree,
            ["config"] = variant.ConfigSha256,
            ["source_date_epoch"] = configured.SourceDateEpoch.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["make_variables"] = string.Join(" ", makeVariables),
        };
        foreach ((string module, string hash) in moduleSourceHashes)
        {
            inputs["module:" + module] = hash;
        }

        return inputs;
    }

    internal static string ModuleSource(StageContext context, ModuleSpec module) =>
        Path.GetFullPath(module.Source, context.Layout.SeriesDir);

    /// <summary>The manifest's modules, each built in <c>&lt;scratchRoot&gt;/module-&lt;name&gt;-&lt;variant&gt;</c>.</summary>
    internal static IReadOnlyList<ModuleToBuild> ModulesToBuild(StageContext context, string scratchRoot, string variant) =>
        [.. (context.Series.Manifest?.Modules ?? []).Select(m =>
            new ModuleToBuild(m.Name, ModuleSource(context, m), Path.Combine(scratchRoot, $"module-{m.Name}-{variant}")))];

    /// <summary>A hash over the module's source files (names and contents; hidden files left out), so an edit rebuilds it.</summary>
    internal static string ModuleSourceHash(string dir) =>
        FileHash.OfFiles(dir, Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(dir, f).Split('/').Any(part => part.StartsWith('.'))));

    /// <summary>One variant: built unless its inputs are those of the last build; the result, the note and whether it ran.</summary>
    private static async Task<(BuiltVariant Variant, string Note, bool Ran)> BuildAsync(StageContext context, ConfigureState configured,
        ConfiguredVariant variant, CancellationToken cancellationToken)
    {
        KbuildTree tree = context.KernelBuild.Tree(configured.Worktree, variant.BuildDir, variant.Arch);
        IReadOnlyList<ModuleToBuild> modules = ModulesToBuild(context, context.Layout.WorkDir, variant.Name);
        string artifactDir = Path.Combine(context.Layout.OutDir, variant.Name);
        var inputs = StampInputs(configured, variant, tree.ExtraVariables,
            modules.ToDictionary(m => m.Name, m => ModuleSourceHash(m.SourceDir), StringComparer.Ordinal));
        string stamp = StateName + "-" + variant.Name;
        string key = StageFingerprint.Compute(stamp, inputs);
        SkipVerdict verdict = context.Stamps.Check(stamp, key);
        string image = Path.Combine(artifactDir, KernelArtifacts.ImageFileName);
        var moduleArtifacts = modules.Select(m => Path.Combine(artifactDir, m.Name + ".ko")).ToList();
        string note;
        if (verdict.Skip)
        {
            context.Console.Note($"{variant.Name}: skipped, {verdict.Reason}");
            note = $"{variant.Name}: skipped ({verdict.Reason})";
        }
        else
        {
            context.Stamps.Invalidate(stamp);
            note = await BuildKernelAndModulesAsync(context, configured, variant, tree, modules, artifactDir, cancellationToken).ConfigureAwait(false);
            context.Stamps.Record(stamp, key, inputs, [image, .. moduleArtifacts]);
        }

        string release = await KernelArtifacts.ReadReleaseAsync(artifactDir, cancellationToken).ConfigureAwait(false);
        return (new BuiltVariant(variant.Name, variant.Arch, variant.BuildDir, release, image, Path.Combine(artifactDir, "config"), moduleArtifacts), note, !verdict.Skip);
    }

    /// <summary>make bzImage modules, then the modules against it, all into &lt;out&gt;/&lt;variant&gt;; the note saying so.</summary>
    private static async Task<string> BuildKernelAndModulesAsync(StageContext context, ConfigureState configured, ConfiguredVariant variant,
        KbuildTree tree, IReadOnlyList<ModuleToBuild> modules, string artifactDir, CancellationToken cancellationToken)
    {
        KbuildPinnedEnvironment pinned = BuildIdentity.For(configured.SourceDateEpoch);
        string logDir = context.Layout.LogDirFor(variant.Name);
        KernelBuildResult kernel = await context.Console.WithProgressAsync($"{variant.Name}: make bzImage modules", line =>
            context.KernelBuild.BuildAsync(tree, pinned, Path.Combine(logDir, KernelBuild.BuildLogFileName), line, cancellationToken)).ConfigureAwait(false);
        await KernelArtifacts.SaveAsync(kernel, artifactDir, cancellationToken).ConfigureAwait(false);
        File.Copy(variant.ConfigPath, Path.Combine(artifactDir, "config"), overwrite: true);
        await context.KernelBuild.BuildModulesAsync(tree, modules, pinned, logDir, artifactDir, cancellationToken).ConfigureAwait(false);
        return $"{variant.Name}: built Linux {kernel.Release?.Value} in {RunSummaryRenderer.FormatDuration(kernel.Duration.TotalSeconds)}";
    }
}
