using Mtcopy.Adapters.Kernel;
using Mtcopy.Adapters.Results;
using Mtcopy.Core.Kernel;
using Mtcopy.Core.Results;

namespace Mtcopy.Cli.Stages;

/// <summary>
/// Configure: the starting config (a make target or the user's .config), the fragments merged with the
/// kernel's own merge_config.sh, olddefconfig, then a check that every option asked for is really set.
/// </summary>
public sealed class ConfigureStage : IStage
{
    public const string StateName = "configure";

    /// <summary>An empty LOCALVERSION keeps kbuild from appending "+" for a git tree: the release is exactly the config's.</summary>
    public static readonly IReadOnlyList<string> NoScmVersion = ["LOCALVERSION="];

    /// <summary>
    /// The make variables of every make on a kernel tree of ours: <see cref="NoScmVersion"/> and ccache's CC
    /// when it is installed. Every step must pass the same: kbuild rebuilds an object whose command line changed.
    /// </summary>
    public static IReadOnlyList<string> MakeVariables() => [.. NoScmVersion, .. Ccache.MakeVariables()];

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
            string buildDir = context.Layout.BuildDir(variant.Name);
            Directory.CreateDirectory(buildDir);
            string fragmentText = variant.CombinedFragmentText();
            var inputs = new Dictionary<string, string>
            {
                ["tree"] = apply.ResultTree,
                ["arch"] = variant.Arch,
                ["base"] = variant.BaseTarget ?? FileHash.Sha256(variant.BaseConfigFile!),
                ["fragments"] = ContentHash.Sha256(fragmentText),
            };
            string stamp = StateName + "-" + variant.Name;
            string key = StageFingerprint.Compute(stamp, inputs);
            var tree = new KbuildTree(apply.Worktree, buildDir, variant.Arch) { ExtraVariables = MakeVariables() };
            string configPath = Path.Combine(buildDir, ".config");

            SkipVerdict verdict = context.Stamps.Check(stamp, key);
            if (!verdict.Skip)
            {
                ranAny = true;
                context.Stamps.Invalidate(stamp);
                string fragmentPath = Path.Combine(buildDir, "mtcopy-fragment.config");
                await File.WriteAllTextAsync(fragmentPath, fragmentText, cancellationToken).ConfigureAwait(false);
                KernelConfigBase start = variant.BaseConfigFile is { } file
                    ? KernelConfigBase.FromFile(file)
                    : KernelConfigBase.FromTargets(variant.BaseTarget!);
                var request = new KernelConfigRequest(tree, start, fragmentPath, context.Layout.LogDirFor(variant.Name));
                await new KernelConfigurator(context.Runner)
                    .ConfigureAsync(request, null, cancellationToken).ConfigureAwait(false);
                context.Stamps.Record(stamp, key, inputs, [configPath]);
                notes.Add($"{variant.Name}: configured");
            }
            else
            {
                context.Console.Note($"{variant.Name}: skipped, {verdict.Reason}");
                notes.Add($"{variant.Name}: skipped ({verdict.Reason})");
            }

            configured.Add(new ConfiguredVariant(variant.Name, variant.Arch, buildDir, configPath,
                ContentHash.Sha256(await File.ReadAllBytesAsync(configPath, cancellationToken).ConfigureAwait(false))));
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
}
