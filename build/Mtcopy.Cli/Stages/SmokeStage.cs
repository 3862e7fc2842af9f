using System.Globalization;
using Mtcopy.Adapters.Results;
using Mtcopy.Adapters.Smoke;
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

        ModuleSpec module = manifest.Modules[0];
        var built = StateFile.Read<BuildState>(context.Layout.StateDir, BuildStage.StateName);
        string contract = module.Sysfs is { } sysfs ? SysfsContractFile.Render(sysfs) : "";

        var details = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var notes = new List<string>();
        var failures = new List<string>();
        var artifacts = new List<string>();
        bool ranAny = false;
        string guest = SmokeStamp.GuestHash(context.Layout);
        foreach (BuiltVariant variant in built.Variants)
        {
            (string stamp, string key, IReadOnlyDictionary<string, string> inputs, string? dkmsModule) = SmokeStamp.For(context.Layout, variant, guest, contract);
            string ktap = Path.Combine(GuestRunner.SmokeDirectory(context.Layout.OutDir, variant.Name), GuestRunner.KtapFileName);
            SkipVerdict verdict = context.Stamps.Check(stamp, key);
            if (verdict.Skip)
            {
                context.Console.Note($"{variant.Name}: skipped, the same kernel and tests passed before ({ktap})");
                notes.Add($"{variant.Name}: skipped ({verdict.Reason})");
                continue;
            }

            ranAny = true;
            context.Stamps.Invalidate(stamp);
            IReadOnlyList<string> testModules = await context.Console.WithProgressAsync($"{variant.Name}: guest test modules",
                line => new GuestTestModuleBuilder(context.Runner).BuildAsync(
                    new GuestTestModuleBuilder.Request(variant.BuildDir, context.Layout.GuestSourceDir,
                        Path.Combine(context.Layout.WorkDir, $"guest-modules-{variant.Name}"), context.Layout.LogDirFor(variant.Name))
                    {
                        Jobs = context.Options.Jobs,
                        Pinned = BuildIdentity.For(built.SourceDateEpoch),
                        ExtraVariables = built.MakeVariables,
                    }, line, cancellationToken)).ConfigureAwait(false);
            var request = new GuestRunRequest(variant.Name, context.Layout.OutDir, variant.Image,
                variant.Modules.First(m => Path.GetFileName(m) == module.Name + ".ko"), context.Layout.GuestSourceDir)
            {
                ContractText = contract,
                DkmsModulePath = dkmsModule,
                TestModulePaths = testModules,
                ArchiveMtime = DateTimeOffset.FromUnixTimeSeconds(built.SourceDateEpoch),
                // The manifest's default config boots fast; the others (debug: KASAN, lockdep) get more room.
                Timeout = variant.Name == manifest.Config.Default ? QemuSettings.DefaultTimeout : TimeSpan.FromMinutes(10),
            };
            GuestRunResult result = await context.Console.WithProgressAsync($"{variant.Name}: guest",
                line => new GuestRunner(context.Runner).RunAsync(request, line, cancellationToken)).ConfigureAwait(false);
            SmokeReport report = result.Report;
            artifacts.AddRange([result.KtapPath, result.JunitPath]);

            foreach (KtapTest test in report.Ktap.AllTests())
            {
                details[$"{variant.Name}/{test.FullName}"] = test.Status.ToString().ToUpperInvariant();
            }

            details[$"{variant.Name}/boot_to_verdict_seconds"] = report.BootToVerdict.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            int total = report.Ktap.AllTests().Count();
            notes.Add($"{variant.Name}: {report.Verdict}, {total} tests, boot to verdict {report.BootToVerdict.TotalSeconds:0.0} s");
            context.Console.Note($"{variant.Name}: {report.Summary} (junit: {result.JunitPath})");
            if (report.Passed)
            {
                context.Stamps.Record(stamp, key, inputs, [result.KtapPath]);
            }
            else
            {
                failures.Add($"{variant.Name}: {report.Summary}");
                failures.AddRange(report.FailedNames.Select(n => $"  failed: {variant.Name}/{n}"));
                if (report.ConsoleTail.Count > 0)
                {
                    failures.Add($"  last {report.ConsoleTail.Count} console lines ({result.ConsolePath}):");
                    failures.AddRange(report.ConsoleTail.Select(l => "    | " + l));
                }
            }
        }

        if (failures.Count > 0)
        {
            throw new StageFailedException("the smoke test failed:\n" + string.Join("\n", failures)) { Details = details };
        }

        return (ranAny ? StageOutcome.Pass(string.Join("; ", notes)) : StageOutcome.Skip(string.Join("; ", notes)))
            with { Details = details, Artifacts = artifacts };
    }
}
