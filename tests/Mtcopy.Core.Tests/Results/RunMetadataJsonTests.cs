using Mtcopy.Core.Results;

namespace Mtcopy.Core.Tests.Results;

public sealed class RunMetadataJsonTests
{
    internal static RunMetadata Sample() => new RunMetadata
    {
        ToolVersion = "0.1.0+abc",
        StartedUtc = new DateTimeOffset(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero),
        FinishedUtc = new DateTimeOffset(2025, 1, 2, 3, 14, 5, TimeSpan.FromHours(1)),
        Command = ["mtcopy", "build", "--config", "my config.cfg"],
        Inputs = new Dictionary<string, string> { ["series"] = "aa11", ["config"] = "bb22" },
        Apply = new ApplyResult("1111111", "2222222", "3333333",
        [
            new PatchRecord("0001-mm-migrate-add-mt-copy.patch", true, "applied", "aaaaaaa"),
            new PatchRecord("0002-mm-migrate-use-it.patch", false, "conflict", null, "mm/migrate.c: hunk 2 failed"),
        ]),
        Stages =
        [
            StageResult.Pass("apply", TimeSpan.FromMilliseconds(1234.5678)),
            StageResult.Skipped("configure", "inputs and outputs unchanged"),
            StageResult.Fail("build", TimeSpan.FromSeconds(303.2), "First error (log line 4): mm/migrate.c:1:1: error: x\nFull log: logs/build.log")
                with { Details = new Dictionary<string, string> { ["log"] = "logs/build.log", ["jobs"] = "2" } },
        ],
        Artifacts = [new ArtifactRecord("boot/bzImage", 12_900_000, new string('c', 64))],
    };

    [Fact]
    public void Golden_metadata_json()
    {
        const string expected = """
            {
              "apply": {
                "base_commit": "1111111",
                "patches": [
                  {
                    "applied": true,
                    "commit": "aaaaaaa",
                    "message": null,
                    "outcome": "applied",
                    "patch": "0001-mm-migrate-add-mt-copy.patch"
                  },
                  {
                    "applied": false,
                    "commit": null,
                    "message": "mm/migrate.c: hunk 2 failed",
                    "outcome": "conflict",
                    "patch": "0002-mm-migrate-use-it.patch"
                  }
                ],
                "result_commit": "2222222",
                "result_tree": "3333333"
              },
              "artifacts": [
                {
                  "path": "boot/bzImage",
                  "sha256": "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc",
                  "size": 12900000
                }
              ],
              "command": [
                "mtcopy",
                "build",
                "--config",
                "my config.cfg"
              ],
              "command_line": "mtcopy build --config 'my config.cfg'",
              "finished_utc": "2025-01-02T02:14:05.000Z",
              "inputs": {
                "config": "bb22",
                "series": "aa11"
              },
              "run_id": "",
              "stages": [
                {
                  "details": {},
                  "duration_seconds": 1.235,
                  "message": "",
                  "name": "apply",
                  "status": "PASS"
                },
                {
                  "details": {},
                  "duration_seconds": 0,
                  "message": "inputs and outputs unchanged",
                  "name": "configure",
                  "status": "SKIP"
                },
                {
                  "details": {
                    "jobs": "2",
                    "log": "logs/build.log"
                  },
                  "duration_seconds": 303.2,
                  "message": "First error (log line 4): mm/migrate.c:1:1: error: x\nFull log: logs/build.log",
                  "name": "build",
                  "status": "FAIL"
                }
              ],
              "started_utc": "2025-01-02T03:04:05.678Z",
              "tool_version": "0.1.0+abc"
            }

            """;

        Assert.Equal(expected, RunMetadataJson.Serialize(Sample()));
    }

    [Fact]
    public void Start_of_run_writes_nulls_for_what_is_not_known_yet()
    {
        var started = new RunMetadata
        {
            ToolVersion = "0.1.0",
            StartedUtc = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Command = ["mtcopy", "build"],
        };

        string json = RunMetadataJson.Serialize(started);

        Assert.Contains("\"finished_utc\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"apply\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"stages\": []", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Round_trips()
    {
        RunMetadata sample = Sample();

        RunMetadata back = RunMetadataJson.Parse(RunMetadataJson.Serialize(sample));

        Assert.Equal(RunMetadataJson.Serialize(sample), RunMetadataJson.Serialize(back));
        Assert.Equal(sample.StartedUtc, back.StartedUtc);
        Assert.Equal(sample.Apply!.Patches, back.Apply!.Patches);
        Assert.Equal(StageStatus.Skip, back.Stages[1].Status);
    }

    [Fact]
    public void With_stage_replaces_a_stage_of_the_same_name()
    {
        RunMetadata updated = Sample().WithStage(StageResult.Pass("build", TimeSpan.FromSeconds(1)));

        Assert.Equal(["apply", "configure", "build"], updated.Stages.Select(s => s.Name));
        Assert.Equal(StageStatus.Pass, updated.Stages[2].Status);
    }

    [Theory]
    [InlineData("{}", "tool_version")]
    [InlineData("{\"tool_version\":\"1\",\"started_utc\":\"yesterday\"}", "started_utc")]
    public void Parse_names_the_bad_key(string json, string key)
    {
        var error = Assert.Throws<FormatException>(() => RunMetadataJson.Parse(json));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("O=/tmp/x", "O=/tmp/x")]
    [InlineData("two words", "'two words'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("", "''")]
    [InlineData("$HOME", "'$HOME'")]
    [InlineData("linux-source-6.12=6.12.117-1~deb12u1", "linux-source-6.12=6.12.117-1~deb12u1")]
    [InlineData("~/x", "'~/x'")]
    [InlineData("a=~/x", "'a=~/x'")]
    [InlineData("HEAD^{commit}", "'HEAD^{commit}'")]
    public void Shell_quoting(string argument, string expected) => Assert.Equal(expected, ShellQuoting.Quote(argument));
}
