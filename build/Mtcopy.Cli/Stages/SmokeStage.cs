using System.Globalization;
using Mtcopy.Adapters.Results;
using Mtcopy.Adapters.Smoke;
using Mtcopy.Core.Kernel;
using Mtcopy.Core.Results;
using Mtcopy.Core.Series.Manifest;
using Mtcopy.Core.Smoke;

namespace Mtcopy.Cli.Stages;

/// <summary>
/// Smoke: boot each freshly built kernel in a two-node qemu guest (TCG) with the module and the test
/// program, and judge the KTAP the guest writes on its own serial port. The guest's test-only modules
/// (tests/guest/offc-test) are built against each kernel first, with the make variables Build used. A config whose kernel, modules,
/// guest sources and contract are unchanged since a passing boot is skipped, and the skip says so.
/// </summary>
public sealed class SmokeStage : IStage
{
    public string Name => "smoke";

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Series.Manifest is not { Modules.Count: > 0 } manifest)
        {
            return StageOutcome.Skip("the series has no manifest with a module: nothing to boot and test");
        }

        var built = StateFile.Read<BuildState>(context.Layout.StateDir, BuildStage.StateName);
        string contract = manifest.Modules[0].Sysfs is { } sysfs ? SysfsContractFile.Render(sysfs) : "";
        var findings = new Findings();
        string guest = SmokeStamp.GuestHash(context.Layout);
        foreach (BuiltVariant variant in built.Variants)
        {
            SmokeStamp stamp = SmokeStamp.For(context.Layout, variant, guest, contract);
            SkipVerdict verdict = context.Stamps.Check(stamp.Name, stamp.Key);
            if (verdict.Skip)
            {
                string ktap = Path.Combine(GuestRunner.SmokeDirectory(context.Layout.OutDir, variant.Name), GuestRunner.KtapFileName);
                context.Console.Note($"{variant.Name}: skipped, the same kernel and tests passed before ({ktap})");
                findings.Notes.Add($"{variant.Name}: skipped ({verdict.Reason})");
                continue;
            }

            findings.RanAny = true;
            context.Stamps.Invalidate(stamp.Name);
            GuestRunResult result = await BootAsync(context, manifest, built, variant, contract, stamp.DkmsModule, cancellationToken).ConfigureAwait(false);
            context.Console.Note($"{variant.Name}: {result.Report.Summary} (junit: {result.JunitPath})");
            if (findings.Add(variant.Name, result))
            {
                context.Stamps.Record(stamp.Name, stamp.Key, stamp.Inputs, [result.KtapPath]);
            }
        }

        return findings.Outcome();
    }

    /// <summary>The guest's test modules built against <paramref name="variant"/>'s kernel, then one boot of it with the module.</summary>
    private static async Task<GuestRunResult> BootAsync(StageContext context, SeriesManifest manifest, BuildState built, BuiltVariant variant,
        string contract, string? dkmsModule, CancellationToken cancellationToken)
    {
        // The kernel's tree with the make variables Build used (kept in its state), whatever this invocation's are.
        var tree = new KbuildTree(built.Worktree, variant.BuildDir, variant.Arch) { ExtraVariables = built.MakeVariables };
        var modules = new GuestTestModulesRequest(tree, context.Layout.GuestSourceDir,
            Path.Combine(context.Layout.WorkDir, $"guest-modules-{variant.Name}"), context.Layout.LogDirFor(variant.Name))
        {
            Pinned = BuildIdentity.For(built.SourceDateEpoch),
        };
        IReadOnlyList<string> testModules = await context.Console.WithProgressAsync($"{variant.Name}: guest test modules",
            line => context.Guest.BuildTestModulesAsync(context.KernelBuild, modules, line, cancellationToken)).ConfigureAwait(false);
        var request = new GuestRunRequest(variant.Name, context.Layout.OutDir, variant.Image,
            variant.Modules.First(m => Path.GetFileName(m) == manifest.Modules[0].Name + ".ko"), context.Layout.GuestSourceDir)
        {
            ContractText = contract,
            DkmsModulePath = dkmsModule,
            TestModulePaths = testModules,
            ArchiveMtime = DateTimeOffset.FromUnixTimeSeconds(built.SourceDateEpoch),
            // The manifest's default config boots fast; the others (debug: KASAN, lockdep) get more room.
            Timeout = variant.Name == manifest.Config.Default ? QemuSettings.DefaultTimeout : TimeSpan.FromMinutes(10),
        };
        return await context.Console.WithProgressAsync($"{variant.Name}: guest",
            line => context.Guest.RunAsync(request, line, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>What the boots found, config by config: each test's status, the notes, the failures named, the files.</summary>
    private sealed class Findings
    {
        public SortedDictionary<string, string> Details { get; } = new(StringComparer.Ordinal);

        public List<string> Notes { get; } = [];

        public List<string> Failures { get; } = [];

        public List<string> Artifacts { get; } = [];

        public bool RanAny { get; set; }

        /// <summary>Records one boot of <paramref name="config"/>; whether it passed.</summary>
        public bool Add(string config, GuestRunResult result)
        {
            SmokeReport report = result.Report;
            Artifacts.AddRange([result.KtapPath, result.JunitPath]);
            foreach (KtapTest test in report.Ktap.AllTests())
            {
                Details[$"{config}/{test.FullName}"] = test.Status.ToString().ToUpperInvariant();
            }

            Details[$"{config}/boot_to_verdict_seconds"] = report.BootToVerdict.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            Notes.Add($"{config}: {report.Verdict}, {report.Ktap.AllTests().Count()} tests, boot to verdict {report.BootToVerdict.TotalSeconds:0.0} s");
            if (!report.Passed)
            {
                Failures.Add($"{config}: {report.Summary}");
                Failures.AddRange(report.FailedNames.Select(n => $"  failed: {config}/{n}"));
                if (report.ConsoleTail.Count > 0)
                {
                    Failures.Add($"  last {report.ConsoleTail.Count} console lines ({result.ConsolePath}):");
                    Failures.AddRange(report.ConsoleTail.Select(l => "    | " + l));
                }
            }

            return report.Passed;
        }

        /// <summary>FAIL naming every failed test; else PASS, or SKIP when every config was skipped.</summary>
        public StageOutcome Outcome() => Failures.Count > 0
            ? throw new StageFailedException("the smoke test failed:\n" + string.Join("\n", Failures)) { Details = Details }
            : (RanAny ? StageOutcome.Pass(string.Join("; ", Notes)) : StageOutcome.Skip(string.Join("; ", Notes)))
                with { Details = Details, Artifacts = Artifacts };
    }
}
