using Mtcopy.Adapters.Results;
using Mtcopy.Adapters.Kernel;
using Mtcopy.Core.Kernel;
using Mtcopy.Core.Results;
using Mtcopy.Core.Series;
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
        IReadOnlyList<ModuleSpec> modules = context.Series.Manifest?.Modules ?? [];
        KbuildPinnedEnvironment pinned = BuildIdentity.For(configured.SourceDateEpoch);
        var built = new List<BuiltVariant>();
        var artifacts = new List<string>();
        var notes = new List<string>();
        bool ranAny = false;

        foreach (ConfiguredVariant variant in configured.Variants)
        {
            var tree = new KbuildTree(configured.Worktree, variant.BuildDir, variant.Arch) { ExtraVariables = ConfigureStage.MakeVariables() };
            string artifactDir = Path.Combine(context.Layout.OutDir, variant.Name);
            var inputs = StampInputs(configured, variant, tree.ExtraVariables,
                modules.ToDictionary(m => m.Name, m => ModuleSourceHash(ModuleSource(context, m)), StringComparer.Ordinal));
            string stamp = StateName + "-" + variant.Name;
            string key = StageFingerprint.Compute(stamp, inputs);
            SkipVerdict verdict = context.Stamps.Check(stamp, key);
            string image = Path.Combine(artifactDir, "bzImage");
            var moduleArtifacts = modules.Select(m => Path.Combine(artifactDir, m.Name + ".ko")).ToList();
            if (verdict.Skip)
            {
                context.Console.Note($"{variant.Name}: skipped, {verdict.Reason}");
                notes.Add($"{variant.Name}: skipped ({verdict.Reason})");
            }
            else
            {
                ranAny = true;
                context.Stamps.Invalidate(stamp);
                string logDir = context.Layout.LogDirFor(variant.Name);
                KernelBuildResult kernel = await context.Console.WithProgressAsync($"{variant.Name}: make bzImage modules", line =>
                    new KernelBuilder(context.Runner).BuildAsync(
                        new KernelBuildRequest(tree, logDir) { Jobs = context.Options.Jobs, Pinned = pinned }, line, cancellationToken)).ConfigureAwait(false);
                Directory.CreateDirectory(artifactDir);
                File.Copy(Path.Combine(variant.BuildDir, "arch", "x86", "boot", "bzImage"), image, overwrite: true);
                File.Copy(variant.ConfigPath, Path.Combine(artifactDir, "config"), overwrite: true);
                await File.WriteAllTextAsync(Path.Combine(artifactDir, "kernel.release"), (kernel.Release?.Value ?? "unknown") + "\n", cancellationToken).ConfigureAwait(false);

                foreach (ModuleSpec module in modules)
                {
                    ModuleBuildResult result = await new KernelBuilder(context.Runner).BuildExternalModuleAsync(
                        new ModuleBuildRequest(variant.BuildDir, ModuleSource(context, module), logDir)
                        {
                            OutDir = Path.Combine(context.Layout.WorkDir, $"module-{module.Name}-{variant.Name}"),
                            Arch = variant.Arch,
                            Jobs = context.Options.Jobs,
                            Pinned = pinned,
                            ExtraVariables = ConfigureStage.MakeVariables(),
                        }, null, cancellationToken).ConfigureAwait(false);
                    string ko = result.Modules.FirstOrDefault(m => Path.GetFileName(m) == module.Name + ".ko")
                        ?? throw new StageFailedException($"Building {module.Name} left no {module.Name}.ko in {result.ModuleDir}; see {result.LogPath}.");
                    File.Copy(ko, Path.Combine(artifactDir, module.Name + ".ko"), overwrite: true);
                }

                context.Stamps.Record(stamp, key, inputs, [image, .. moduleArtifacts]);
                notes.Add($"{variant.Name}: built Linux {kernel.Release?.Value} in {RunSummaryRenderer.FormatDuration(kernel.Duration.TotalSeconds)}");
            }

            string release = (await File.ReadAllTextAsync(Path.Combine(artifactDir, "kernel.release"), cancellationToken).ConfigureAwait(false)).Trim();
            built.Add(new BuiltVariant(variant.Name, variant.BuildDir, release, image, Path.Combine(artifactDir, "config"), moduleArtifacts));
            artifacts.AddRange([image, Path.Combine(artifactDir, "config"), .. moduleArtifacts]);
        }

        StateFile.Write(context.Layout.StateDir, StateName, new BuildState(configured.Worktree, configured.SourceDateEpoch, built)
        {
            MakeVariables = ConfigureStage.MakeVariables(),
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

    /// <summary>A hash over the module's source files (names and contents; hidden files left out), so an edit rebuilds it.</summary>
    internal static string ModuleSourceHash(string dir) =>
        FileHash.OfFiles(dir, Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(dir, f).Split('/').Any(part => part.StartsWith('.'))));
}
