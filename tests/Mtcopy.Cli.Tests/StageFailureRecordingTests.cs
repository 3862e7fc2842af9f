using System.Text.Json;
using Mtcopy.Adapters.Git;
using Mtcopy.Cli.Tests.Fixtures;
using Mtcopy.Core;

namespace Mtcopy.Cli.Tests;

/// <summary>Whatever a stage throws ends as FAIL in metadata.json with its message, and the process exit code says which kind.</summary>
public sealed class StageFailureRecordingTests : IDisposable
{
    private readonly StageHarness harness = new();

    public void Dispose() => harness.Dispose();

    public static TheoryData<string> InfrastructureExceptions() => new()
    {
        nameof(GitCommandException),
        nameof(JsonException),
        nameof(InvalidOperationException),
    };

    private static Exception Make(string name) => name switch
    {
        nameof(GitCommandException) => new GitCommandException("git rev-list failed: fatal: bad revision"),
        nameof(JsonException) => new JsonException("'x' is an invalid start of a value. Path: $ | LineNumber: 0"),
        _ => new InvalidOperationException("sign-file left no signature on mtcopy.ko"),
    };

    [Theory]
    [MemberData(nameof(InfrastructureExceptions))]
    public async Task An_unexpected_exception_is_a_recorded_infrastructure_failure(string exception)
    {
        StageContext context = harness.Context("build", ["--out=artifacts", "--run-id=r1"]);
        Exception thrown = Make(exception);

        int exit = await CliApp.RunStageAsync(new ThrowingStage(thrown), context, CancellationToken.None);

        Assert.Equal(CliApp.ExitInfrastructure, exit);
        JsonElement stage = RecordedStage(context, "build");
        Assert.Equal("FAIL", stage.GetProperty("status").GetString());
        Assert.Equal($"infrastructure failure ({thrown.GetType().Name}): {thrown.Message}", stage.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_user_error_is_recorded_with_its_message_and_exits_2()
    {
        StageContext context = harness.Context("build", ["--out=artifacts", "--run-id=r1"]);

        int exit = await CliApp.RunStageAsync(new ThrowingStage(new UserErrorException("--config=x: no such file")), context, CancellationToken.None);

        Assert.Equal(CliApp.ExitUser, exit);
        JsonElement stage = RecordedStage(context, "build");
        Assert.Equal("FAIL", stage.GetProperty("status").GetString());
        Assert.Equal("--config=x: no such file", stage.GetProperty("message").GetString());
    }

    private static JsonElement RecordedStage(StageContext context, string name)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(context.Metadata.MetadataPath));
        return doc.RootElement.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name).Clone();
    }

    private sealed class ThrowingStage(Exception e) : IStage
    {
        public string Name => "build";

        public Task<StageOutcome> RunAsync(StageContext context, CancellationToken cancellationToken) => throw e;
    }
}
