using System.Text;
using Mtcopy.Adapters.Git;
using Mtcopy.Adapters.Process;

namespace Mtcopy.Adapters.Tests.Git;

/// <summary>GitCli through a fake <see cref="IProcessRunner"/>: the process it asks for, and what it makes of the answer. No git starts.</summary>
public sealed class GitCliTests
{
    [Fact]
    public async Task Runs_git_with_the_fixed_configuration_first_and_no_inherited_repository_variables()
    {
        var runner = new AnsweringRunner(new ProcessResult(0, TimeSpan.Zero, [], null) { StandardOutput = Encoding.UTF8.GetBytes("abc\n"), StandardError = "note" });
        byte[] input = [1, 2, 3];

        GitResult result = await new GitCli(runner).RunAsync("/r", ["rev-parse", "HEAD"], input, new Dictionary<string, string> { ["GIT_AUTHOR_NAME"] = "x" });

        ProcessSpec spec = Assert.Single(runner.Specs);
        Assert.Equal("git", spec.Program);
        Assert.Equal(GitCli.BuildArguments(["rev-parse", "HEAD"]), spec.Arguments);
        Assert.Equal(["rev-parse", "HEAD"], spec.Arguments.TakeLast(2));
        Assert.Equal("/r", spec.WorkingDirectory);
        Assert.Null(spec.Environment["GIT_DIR"]);
        Assert.Null(spec.Environment["GIT_INDEX_FILE"]);
        Assert.Equal("0", spec.Environment["GIT_TERMINAL_PROMPT"]);
        Assert.Equal("x", spec.Environment["GIT_AUTHOR_NAME"]);
        Assert.True(spec.CaptureOutput);
        Assert.False(spec.ThrowOnNonZeroExit);
        Assert.Equal(input, spec.StandardInput!.Value.ToArray());
        Assert.Equal("abc", result.FirstLine);
        Assert.Equal("note", result.Stderr);
    }

    [Fact]
    public async Task A_non_zero_exit_is_returned_by_RunAsync_and_thrown_by_RunCheckedAsync()
    {
        var runner = new AnsweringRunner(new ProcessResult(128, TimeSpan.Zero, [], null) { StandardError = "fatal: not a git repository" });
        var git = new GitCli(runner);

        Assert.Equal(128, (await git.RunAsync("/r", ["status"])).ExitCode);
        var error = await Assert.ThrowsAsync<GitCommandException>(() => git.RunCheckedAsync("/r", ["status"]));

        Assert.Equal(128, error.ExitCode);
        Assert.Equal("fatal: not a git repository", error.Stderr);
    }

    private sealed class AnsweringRunner(ProcessResult answer) : IProcessRunner
    {
        public List<ProcessSpec> Specs { get; } = [];

        public Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken = default)
        {
            Specs.Add(spec);
            return Task.FromResult(answer);
        }
    }
}
