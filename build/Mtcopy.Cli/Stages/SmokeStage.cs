using System.Globalization;
using Mtcopy.Adapters.Smoke;
using Mtcopy.Core.Series.Manifest;
using Mtcopy.Core.Smoke;

namespace Mtcopy.Cli.Stages;

/// <summary>
/// Smoke: boot each freshly built kernel in a two-node qemu guest (TCG) with the module and the test
/// program, and judge the KTAP the guest writes on its own serial port. It runs on every pipeline run:
/// it is the proof, not a build product.
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
        foreach (BuiltVariant variant in built.Variants)
        {
            var request = new GuestRunRequest(variant.Name, context.Layout.OutDir, variant.Image,
                variant.Modules.First(m => Path.GetFileName(m) == module.Name + ".ko"), context.Layout.GuestSourceDir)
            {
                ContractText = contract,
                DkmsModulePath = PackageStage.DkmsModuleFor(context.Layout.StateDir, variant),
                ArchiveMtime = DateTimeOffset.FromUnixTimeSeconds(built.SourceDateEpoch),
                Timeout = variant.Name == "smoke" ? QemuSettings.DefaultTimeout : TimeSpan.FromMinutes(10),
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
            if (!report.Passed)
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

        return StageOutcome.Pass(string.Join("; ", notes)) with { Details = details, Artifacts = artifacts };
    }
}
