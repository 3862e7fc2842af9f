using Mtcopy.Adapters.Kernel;
using Mtcopy.Adapters.Results;
using Mtcopy.Core.Results;

namespace Mtcopy.Cli.Stages;

/// <summary>
/// Configure: the starting config (a make target or the user's .config), the fragments merged with the
/// kernel's own merge_config.sh, olddefconfig, then a check that every option asked for is really set.
/// </summary>
public sealed class ConfigureStage : IStage
{
    public const string StateName = "configure";

    public string Name => StateName;

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var apply = StateFile.Read<AppliedSeries>(context.Layout.StateDir, ApplyStage.StateName);
        var configured = new List<ConfiguredVariant>();
        var notes = new List<string>();
        bool ranAny = false;
        foreach (ConfigVariant variant in context.ConfigVariants())
        {
            (ConfiguredVariant done, string? skipped) = await ConfigureAsync(context, apply, variant, cancellationToken).ConfigureAwait(false);
            ranAny |= skipped is null;
            notes.Add(skipped is null ? $"{variant.Name}: configured" : $"{variant.Name}: skipped ({skipped})");
            configured.Add(done);
        }

        context.Metadata.Update(m => m with
        {
            Inputs = m.Inputs.Where(kv => !kv.Key.StartsWith("config:", StringComparison.Ordinal))
                .Concat(configured.Select(c => KeyValuePair.Create($"config:{c.Name}", c.ConfigSha256)))
                .ToDictionary(),
        });
        StateFile.Write(context.Layout.StateDir, StateName,
            new ConfigureState(apply.Worktree, apply.ResultTree, apply.SourceDateEpoch, configured));
        string message = string.Join("; ", notes);
        return ranAny ? StageOutcome.Pass(message) : StageOutcome.Skip(message);
    }

    /// <summary>One variant, configured unless its tree, base and fragments are those of the last run; the reason when skipped.</summary>
    private static async Task<(ConfiguredVariant Variant, string? Skipped)> ConfigureAsync(StageContext context, AppliedSeries apply, ConfigVariant variant,
        CancellationToken cancellationToken)
    {
        string buildDir = context.Layout.BuildDir(variant.Name);
        Directory.CreateDirectory(buildDir);
        var inputs = new Dictionary<string, string>
        {
            ["tree"] = apply.ResultTree,
            ["arch"] = variant.Arch,
            ["base"] = variant.BaseTarget ?? FileHash.Sha256(variant.BaseConfigFile!),
            ["fragments"] = ContentHash.Sha256(variant.CombinedFragmentText()),
        };
        string stamp = StateName + "-" + variant.Name;
        string key = StageFingerprint.Compute(stamp, inputs);
        string configPath = Path.Combine(buildDir, ".config");
        SkipVerdict verdict = context.Stamps.Check(stamp, key);
        if (verdict.Skip)
        {
            context.Console.Note($"{variant.Name}: skipped, {verdict.Reason}");
        }
        else
        {
            context.Stamps.Invalidate(stamp);
            var tree = context.KernelBuild.Tree(apply.Worktree, buildDir, variant.Arch);
            await context.KernelBuild.ConfigureAsync(tree, variant,
                Path.Combine(context.Layout.LogDirFor(variant.Name), KernelBuild.ConfigureLogFileName), verifyFragment: true, cancellationToken).ConfigureAwait(false);
            context.Stamps.Record(stamp, key, inputs, [configPath]);
        }

        var configured = new ConfiguredVariant(variant.Name, variant.Arch, buildDir, configPath,
            ContentHash.Sha256(await File.ReadAllBytesAsync(configPath, cancellationToken).ConfigureAwait(false)));
        return (configured, verdict.Skip ? verdict.Reason : null);
    }
}
