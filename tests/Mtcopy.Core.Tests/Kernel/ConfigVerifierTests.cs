using Mtcopy.Core;
using Mtcopy.Core.Kernel;

namespace Mtcopy.Core.Tests.Kernel;

public sealed class ConfigVerifierTests
{
    private const string Fragment = """
        # mtcopy needs page migration and its test module
        CONFIG_MIGRATION=y
        CONFIG_MTCOPY=y
        CONFIG_MTCOPY_TEST=m
        # CONFIG_DEBUG_INFO is not set
        CONFIG_NR_CPUS=64
        CONFIG_DEFAULT_HOSTNAME="mtcopy"
        CONFIG_DROPPED_BY_DEPS=y
        # CONFIG_NEVER_THERE is not set
        """;

    [Fact]
    public void Config_that_matches_has_no_mismatches()
    {
        KconfigFile fragment = KconfigFile.Parse(Fragment, "mtcopy.config");
        KconfigFile final = KconfigFile.Parse("""
            CONFIG_MODULES=y
            CONFIG_MIGRATION=y
            CONFIG_MTCOPY=y
            CONFIG_MTCOPY_TEST=m
            # CONFIG_DEBUG_INFO is not set
            CONFIG_NR_CPUS=64
            CONFIG_DEFAULT_HOSTNAME="mtcopy"
            CONFIG_DROPPED_BY_DEPS=y
            """, "build/.config");

        Assert.Empty(ConfigVerifier.Verify(fragment, final));
        ConfigVerifier.EnsureApplied(fragment, final);
    }

    [Fact]
    public void Reports_every_kind_of_mismatch_with_wanted_actual_and_fragment_line()
    {
        KconfigFile fragment = KconfigFile.Parse(Fragment, "mtcopy.config");
        KconfigFile final = KconfigFile.Parse("""
            CONFIG_MODULES=y
            # CONFIG_MIGRATION is not set
            CONFIG_MTCOPY=m
            CONFIG_MTCOPY_TEST=m
            CONFIG_DEBUG_INFO=y
            CONFIG_NR_CPUS=8
            CONFIG_DEFAULT_HOSTNAME="(none)"
            """, "build/.config");

        IReadOnlyList<ConfigMismatch> mismatches = ConfigVerifier.Verify(fragment, final);

        Assert.Equal(
            [
                ("CONFIG_MIGRATION", ConfigMismatchKind.Disabled, 2),
                ("CONFIG_MTCOPY", ConfigMismatchKind.DemotedToModule, 3),
                ("CONFIG_DEBUG_INFO", ConfigMismatchKind.UnexpectedlyEnabled, 5),
                ("CONFIG_NR_CPUS", ConfigMismatchKind.ValueDiffers, 6),
                ("CONFIG_DEFAULT_HOSTNAME", ConfigMismatchKind.ValueDiffers, 7),
                ("CONFIG_DROPPED_BY_DEPS", ConfigMismatchKind.Absent, 8),
            ],
            mismatches.Select(m => (m.Wanted.Name, m.Kind, m.Wanted.Line)));
        Assert.Equal(
            "CONFIG_MTCOPY: wanted y, got m (mtcopy.config:3). "
            + "A dependency it needs is only a module: set that dependency to y in the fragment.",
            mismatches[1].Describe());
        Assert.StartsWith("CONFIG_NR_CPUS: wanted 64, got 8 (mtcopy.config:6). ", mismatches[3].Describe(), StringComparison.Ordinal);
        Assert.StartsWith("CONFIG_DEBUG_INFO: wanted n, got y (mtcopy.config:5). ", mismatches[2].Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Absent_option_message_says_dependency_and_what_to_do()
    {
        KconfigFile fragment = KconfigFile.Parse("CONFIG_MIGRATION=y\nCONFIG_MTCOPY=y\n", "configs/mtcopy.config");
        KconfigFile final = KconfigFile.Parse("CONFIG_MIGRATION=y\n", "/tmp/o/.config");

        var error = Assert.Throws<ConfigVerificationException>(() => ConfigVerifier.EnsureApplied(fragment, final));

        Assert.IsAssignableFrom<UserErrorException>(error);
        ConfigMismatch only = Assert.Single(error.Mismatches);
        Assert.Null(only.Actual);
        Assert.Contains("1 option(s) from configs/mtcopy.config did not end up in /tmp/o/.config as asked:", error.Message, StringComparison.Ordinal);
        Assert.Contains("CONFIG_MTCOPY: wanted y, absent from the final .config (configs/mtcopy.config:2)", error.Message, StringComparison.Ordinal);
        Assert.Contains("dependency is not met", error.Message, StringComparison.Ordinal);
        Assert.Contains("enable its dependencies", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Module_request_without_modules_support_suggests_enabling_modules()
    {
        KconfigFile fragment = KconfigFile.Parse("CONFIG_MTCOPY_TEST=m\n", "f.config");
        KconfigFile final = KconfigFile.Parse("# CONFIG_MODULES is not set\n", ".config");

        ConfigMismatch mismatch = Assert.Single(ConfigVerifier.Verify(fragment, final));

        Assert.Contains("add CONFIG_MODULES=y", mismatch.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Wanted_n_is_satisfied_by_absence_or_not_set()
    {
        KconfigFile fragment = KconfigFile.Parse("# CONFIG_A is not set\nCONFIG_B=n\n", "f");
        KconfigFile final = KconfigFile.Parse("# CONFIG_B is not set\n", ".config");

        Assert.Empty(ConfigVerifier.Verify(fragment, final));
    }

    [Fact]
    public void Last_line_of_a_repeated_option_is_the_one_checked()
    {
        KconfigFile fragment = KconfigFile.Parse("CONFIG_A=m\nCONFIG_A=y\n", "f");
        KconfigFile final = KconfigFile.Parse("CONFIG_A=y\n", ".config");

        Assert.Empty(ConfigVerifier.Verify(fragment, final));
    }
}
