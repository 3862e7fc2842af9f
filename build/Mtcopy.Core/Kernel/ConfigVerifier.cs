using System.Text;

namespace Mtcopy.Core.Kernel;

/// <summary>Checks that every setting of a fragment survived the merge and olddefconfig.</summary>
public static class ConfigVerifier
{
    /// <summary>Every required option whose final value differs from what the fragment asked.</summary>
    public static IReadOnlyList<ConfigMismatch> Verify(KconfigFile fragment, KconfigFile finalConfig)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        ArgumentNullException.ThrowIfNull(finalConfig);
        var mismatches = new List<ConfigMismatch>();
        foreach (KconfigEntry wanted in fragment.EffectiveEntries)
        {
            finalConfig.TryGet(wanted.Name, out KconfigEntry? actual);
            ConfigMismatch? mismatch = Compare(fragment.SourceName, wanted, actual, finalConfig);
            if (mismatch is not null)
            {
                mismatches.Add(mismatch);
            }
        }

        return mismatches;
    }

    /// <summary>Throws <see cref="ConfigVerificationException"/> listing every mismatch, if any.</summary>
    public static void EnsureApplied(KconfigFile fragment, KconfigFile finalConfig)
    {
        IReadOnlyList<ConfigMismatch> mismatches = Verify(fragment, finalConfig);
        if (mismatches.Count == 0)
        {
            return;
        }

        var message = new StringBuilder();
        message.Append(mismatches.Count)
            .Append(" option(s) from ").Append(fragment.SourceName)
            .Append(" did not end up in ").Append(finalConfig.SourceName).Append(" as asked:");
        foreach (ConfigMismatch mismatch in mismatches)
        {
            message.Append('\n').Append("  - ").Append(mismatch.Describe());
        }

        throw new ConfigVerificationException(message.ToString(), mismatches);
    }

    private static ConfigMismatch? Compare(string fragmentPath, KconfigEntry wanted, KconfigEntry? actual, KconfigFile finalConfig)
    {
        if (actual is null)
        {
            // An absent option is effectively n, which is fine when n was asked for.
            return wanted.Value.IsDisabled
                ? null
                : new ConfigMismatch(fragmentPath, wanted, null, ConfigMismatchKind.Absent,
                    "It was probably dropped because a dependency is not met (or the option does not exist in this kernel): "
                    + "enable its dependencies in the fragment (see the 'depends on' lines of its Kconfig entry)."
                    + ModulesHint(wanted, finalConfig));
        }

        if (wanted.Value.IsSatisfiedBy(actual.Value))
        {
            return null;
        }

        (ConfigMismatchKind kind, string hint) = (wanted.Value.Kind, actual.Value.Kind) switch
        {
            (KconfigValueKind.Yes, KconfigValueKind.Module) => (ConfigMismatchKind.DemotedToModule,
                "A dependency it needs is only a module: set that dependency to y in the fragment."),
            (KconfigValueKind.No, _) => (ConfigMismatchKind.UnexpectedlyEnabled,
                "Another enabled option probably selects it: disable that option too, or drop this line."),
            (_, KconfigValueKind.No) => (ConfigMismatchKind.Disabled,
                "Its dependencies are probably not met: enable its dependencies in the fragment."
                + ModulesHint(wanted, finalConfig)),
            _ => (ConfigMismatchKind.ValueDiffers,
                "Kconfig did not accept the value (out of range, wrong type, or forced by another option): fix the value in the fragment."),
        };
        return new ConfigMismatch(fragmentPath, wanted, actual, kind, hint);
    }

    private static string ModulesHint(KconfigEntry wanted, KconfigFile finalConfig) =>
        wanted.Value.Kind == KconfigValueKind.Module && finalConfig.ValueOf("CONFIG_MODULES")?.Kind != KconfigValueKind.Yes
            ? " Modules are disabled in this config: add CONFIG_MODULES=y to the fragment."
            : string.Empty;
}
