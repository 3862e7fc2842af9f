using System.Text.Json;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Cli.Stages;

namespace Mtcopy.Cli.Tests.Fixtures;

/// <summary>
/// The pipeline's stages over small things the test makes: a <see cref="FakeKernelTree"/> as the kernel (a plain
/// directory, fetched into the harness's cache), a one-patch series with a manifest under &lt;repo&gt;/patches, a
/// module source under &lt;repo&gt;/kmod-src and the guest sources under &lt;repo&gt;/tests/guest. Processes go
/// through a <see cref="GatedRunner"/>: make, git and the fake tree's scripts run; qemu, gcc and the rest are refused
/// and recorded, so no test boots a guest or compiles anything.
/// </summary>
public sealed class StagePipeline : IDisposable
{
    public const string PatchName = "0001-mm-add-a-note.patch";

    public static readonly DateTimeOffset PatchDate = new(2025, 9, 1, 12, 0, 0, TimeSpan.Zero);

    public StagePipeline()
    {
        Kernel.WriteFile("linux/mm/migrate.c", "int migrate;\n");
        Kernel.WriteFile("linux/README", "Fake Linux\n");
        WriteRepo("patches/manifest.yaml", Manifest());
        WriteRepo("patches/config/smoke.config", "CONFIG_NUMA=y\n");
        WritePatch("note v1", PatchDate);
        WriteRepo("kmod-src/mtcopy.c", "int mtcopy;\n");
        WriteRepo("kmod-src/Kbuild", "obj-m := mtcopy.o\n");
        WriteRepo("tests/guest/mtcopy-test.c", "int main(void) { return 0; }\n");
        WriteRepo("tests/guest/init", "#!/bin/sh\n");
    }

    public StageHarness Harness { get; } = new();

    public FakeKernelTree Kernel { get; } = new();

    public GatedRunner Runner { get; } = new();

    public string RepoRoot => Harness.RepoRoot;

    public string OutDir => Path.Combine(RepoRoot, "artifacts");

    public string StateDir => Path.Combine(OutDir, "state");

    public string SeriesDir => Path.Combine(RepoRoot, "patches");

    /// <summary>The default options: this kernel, this run id; more (or overriding) --name=value options after them.</summary>
    public StageContext Context(string verb, params string[] options) =>
        Harness.Context(verb, ["--kernel=" + Kernel.SourceDir, "--out=artifacts", "--run-id=r1", "--jobs=1", .. options], Runner);

    /// <summary>Runs <paramref name="stage"/> as the CLI does (metadata.json records it); its exit code.</summary>
    public async Task<int> RunAsync(IStage stage, params string[] options)
    {
        StageContext context = Context(stage.Name, options);
        return await CliApp.RunStageAsync(stage, context, CancellationToken.None);
    }

    /// <summary>Runs <paramref name="stage"/> and requires exit 0; the status metadata.json recorded for it.</summary>
    public async Task<string> RunOkAsync(IStage stage, params string[] options)
    {
        int exit = await RunAsync(stage, options);
        (string status, string message) = Recorded(stage.Name);
        Assert.True(exit == CliApp.ExitOk, $"{stage.Name} exited {exit}: {status} {message}\n{Harness.ConsoleText}");
        return status;
    }

    /// <summary>Fetch, Apply, Configure and Build, each required to pass or skip.</summary>
    public async Task BuildAsync(params string[] options)
    {
        await RunOkAsync(new FetchStage(), options);
        await RunOkAsync(new ApplyStage(), options);
        await RunOkAsync(new ConfigureStage(), options);
        await RunOkAsync(new BuildStage(), options);
    }

    /// <summary>The status (PASS, SKIP, FAIL) and message metadata.json holds for <paramref name="stage"/>.</summary>
    public (string Status, string Message) Recorded(string stage)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(OutDir, "metadata.json")));
        JsonElement found = doc.RootElement.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("name").GetString() == stage);
        return (found.GetProperty("status").GetString()!, found.GetProperty("message").GetString()!);
    }

    /// <summary>The make steps the fake kernel ran in the build directory of <paramref name="config"/>.</summary>
    public IReadOnlyList<string> MakeCalls(string config = "smoke")
    {
        string path = Path.Combine(OutDir, "work", "build-" + config, "make-calls");
        return File.Exists(path) ? File.ReadAllLines(path) : [];
    }

    /// <summary>The series' one patch: it adds mm/note.txt holding <paramref name="content"/>, mailed on <paramref name="date"/>.</summary>
    public void WritePatch(string content, DateTimeOffset date) => WriteRepo("patches/" + PatchName, PatchText(content, date));

    public static string PatchText(string content, DateTimeOffset date) => $"""
        From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001
        From: Test Author <test@example.org>
        Date: {date.ToString("ddd, d MMM yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)} +0000
        Subject: [PATCH] mm: add a note

        The note says what the series is for.

        Signed-off-by: Test Author <test@example.org>
        ---
         mm/note.txt | 1 +
         1 file changed, 1 insertion(+)
         create mode 100644 mm/note.txt

        diff --git a/mm/note.txt b/mm/note.txt
        new file mode 100644
        --- /dev/null
        +++ b/mm/note.txt
        @@ -0,0 +1 @@
        +{content}
        --
        2.39.5

        """;

    /// <summary>The manifest, with <paramref name="configBase"/> as the starting config target.</summary>
    public static string Manifest(string configBase = "tinyconfig", string threadsDefault = "4") => $"""
        series:
          name: mtcopy
          version: 0.1.0
          summary: A test series
          patches:
            - {PatchName}
        bases:
          - id: "debian:6.12"
            package: linux-source-6.12
            version: 6.12.117-1~deb12u1
            kernel: 6.12.117
            tested: ["6.12.117"]
            default: true
        config:
          arch: x86_64
          base: {configBase}
          fragments:
            smoke: config/smoke.config
          default: smoke
        modules:
          - name: mtcopy
            source: ../kmod-src
            kconfig: CONFIG_MTCOPY_CPU
            requires: [CONFIG_OFFC_MIGRATION]
            sysfs:
              directory: /sys/kernel/cpu_mt
              attributes:
                - {"{"} name: threads, mode: rw, default: "{threadsDefault}", valid: ["1", "64"], invalid: ["0", "65", "abc", ""] {"}"}
        packages:
          maintainer: "Test Author <test@example.org>"
          homepage: https://example.org/mtcopy
          license: GPL-2.0-only
          dkms_deb: mtcopy-dkms
          dkms_rpm: dkms-mtcopy
          modules_deb: mtcopy-modules
          modules_rpm: kmod-mtcopy
          local_version: -mtcopy

        """;

    /// <summary>Writes a file under the test's repository root; its absolute path.</summary>
    public string WriteRepo(string relative, string text)
    {
        string path = Path.Combine(RepoRoot, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        Harness.Dispose();
        Kernel.Dispose();
    }
}
