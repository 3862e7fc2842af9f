using Mtcopy.Core;

namespace Mtcopy.Cli.Tests;

public sealed class CliOptionsTests
{
    [Fact]
    public void Defaults_are_the_default_kernel_series_and_output()
    {
        var options = CliOptions.Parse(["build"]);

        Assert.Equal("build", options.Verb);
        Assert.Equal("debian:6.12", options.Kernel);
        Assert.Equal("patches", options.Series);
        Assert.Equal("artifacts", options.Out);
        Assert.Null(options.Config);
        Assert.Equal(0, options.Fuzz);
        Assert.False(options.Continue);
    }

    [Fact]
    public void Options_take_their_values_and_flags_stand_alone()
    {
        var options = CliOptions.Parse(["apply", "--kernel=/src/linux", "--fuzz=2", "--continue", "--configs=smoke,debug", "--jobs=3"]);

        Assert.Equal("/src/linux", options.Kernel);
        Assert.Equal(2, options.Fuzz);
        Assert.True(options.Continue);
        Assert.Equal(["smoke", "debug"], options.Configs);
        Assert.Equal(3, options.Jobs);
    }

    [Fact]
    public void The_rerun_command_keeps_the_users_options_and_swaps_the_flag()
    {
        var options = CliOptions.Parse(["apply", "--run-id=1", "--target=Default", "--kernel=debian:7.2", "--out=/tmp/my out", "--continue"]);

        Assert.Equal("./build.sh --target=Apply --kernel=debian:7.2 '--out=/tmp/my out' --abort", options.Rerun("Apply", "abort"));
    }

    [Theory]
    [InlineData("--kernal=debian:6.12", "Unknown option --kernal")]
    [InlineData("--jobs=0", "--jobs=0 is not a whole number of at least 1")]
    [InlineData("--fuzz=-1", "--fuzz=-1 is not a whole number")]
    [InlineData("kernel=x", "'kernel=x' is not an option")]
    public void Mistakes_say_what_to_change(string argument, string expected)
    {
        var e = Assert.Throws<UserErrorException>(() => CliOptions.Parse(["build", argument]));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stage_specific_options_are_typed_values()
    {
        var options = CliOptions.Parse(["matrix", "--kernels=debian:6.1, debian:7.2,,", "--matrix-results=a,b", "--onto=debian:7.2",
            "--sign-key=k.pem", "--sign-cert=c.der", "--system-fault=purge-leaves-file"]);

        Assert.Equal(["debian:6.1", "debian:7.2"], options.Kernels);
        Assert.Equal(["a", "b"], options.MatrixResults);
        Assert.Equal("debian:7.2", options.Onto);
        Assert.Equal("k.pem", options.SignKey);
        Assert.Equal("c.der", options.SignCert);
        Assert.Equal("purge-leaves-file", options.SystemFault);
    }

    [Fact]
    public void Options_given_empty_are_not_given()
    {
        var options = CliOptions.Parse(["package", "--sign-key=", "--onto=", "--kernels=", "--system-fault="]);

        Assert.Null(options.SignKey);
        Assert.Null(options.Onto);
        Assert.Empty(options.Kernels);
        Assert.Null(options.SystemFault);
    }

    [Fact]
    public void An_unknown_option_names_the_known_ones()
    {
        var e = Assert.Throws<UserErrorException>(() => CliOptions.Parse(["build", "--kernal=debian:6.12"]));

        Assert.Equal("Unknown option --kernal. Known options: --abort, --cache, --config, --configs, --continue, --fuzz, --jobs, --kernel, --kernels, "
            + "--matrix-results, --onto, --out, --run-id, --series, --sign-cert, --sign-key, --system-fault, --target.", e.Message);
    }

    [Fact]
    public void A_stage_must_come_first()
    {
        var e = Assert.Throws<UserErrorException>(() => CliOptions.Parse(["--kernel=x"]));

        Assert.Contains("Name a stage first", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reproducing_command_is_the_users_build_sh_line_without_our_plumbing()
    {
        var options = CliOptions.Parse(["build", "--run-id=20261126T0000", "--target=Build", "--kernel=/src/linux", "--config=my.config"]);

        Assert.Equal(["./build.sh", "--target=Build", "--config=my.config", "--kernel=/src/linux"], options.ReproducingCommand());
    }
}
