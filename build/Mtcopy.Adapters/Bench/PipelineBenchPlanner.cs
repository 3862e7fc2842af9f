using Mtcopy.Adapters.Smoke;
using Mtcopy.Core.Bench;
using Mtcopy.Core.Kernel;
using Mtcopy.Core.Results;
using Mtcopy.Core.Smoke;
using Mtcopy.Core;

namespace Mtcopy.Adapters.Bench;

/// <summary>
/// Lays out the overhead bench: a scratch output directory whose build directories are symbolic links
/// to the real ones, with the real run's fetch and apply state; then per repetition the stages
/// configure, build, smoke and package as CLI processes against it, and the same tools' command lines
/// bare on the same directories. A link, not a copy: kbuild resolves O= to its real path, so the tools
/// see the very paths of the real build (a copy at another path rebuilds objtool, and with it every
/// object). <see cref="PipelineBenchInputs.TouchedFile"/> is touched before each side: both rebuild the
/// same objects, relink and rebuild the module, rather than a cold build or nothing.
/// </summary>
public sealed class PipelineBenchPlanner
{
    private static readonly string[] StateToCopy = ["fetch.json", "apply.json"];

    /// <summary>Links the build directories and copies the state into the scratch output directory.</summary>
    /// <exception cref="UserErrorException">The touched file or a build directory is missing.</exception>
    public static void Prepare(PipelineBenchInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        string touched = Path.Combine(inputs.Worktree, inputs.TouchedFile);
        if (!File.Exists(touched))
        {
            throw new UserErrorException($"{touched} does not exist: the overhead bench touches it to make both sides rebuild the same objects. Run ./build.sh first.");
        }

        Directory.CreateDirectory(inputs.ScratchStateDir);
        foreach (string name in StateToCopy)
        {
            File.Copy(Path.Combine(inputs.RealStateDir, name), Path.Combine(inputs.ScratchStateDir, name), overwrite: true);
        }

        foreach (PipelineBenchVariant variant in inputs.Variants)
        {
            if (!File.Exists(Path.Combine(variant.RealBuildDir, ".config")))
            {
                throw new UserErrorException($"{variant.RealBuildDir} is not a configured build directory: run ./build.sh first.");
            }

            ScratchFiles.DeleteDirectory(variant.ScratchBuildDir);
            Directory.CreateDirectory(Path.GetDirectoryName(variant.ScratchBuildDir)!);
            Directory.CreateSymbolicLink(variant.ScratchBuildDir, Path.GetFullPath(variant.RealBuildDir));
        }
    }

    /// <summary>Removes the links to the real build directories, so nothing in the scratch directory reaches outside it.</summary>
    public static void Unlink(PipelineBenchInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (PipelineBenchVariant variant in inputs.Variants)
        {
            ScratchFiles.DeleteDirectory(variant.ScratchBuildDir);
        }
    }

    public static OverheadPlan Plan(PipelineBenchInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        string touched = Path.Combine(inputs.Worktree, inputs.TouchedFile);
        IReadOnlyList<BenchCommand> Stage(string stage) =>
            [BenchCliCommands.Stage(inputs.Launcher, stage, inputs.ScratchOut, PipelineBenchInputs.RunId, inputs.PassThrough, inputs.RepoRoot)];

        var steps = new List<OverheadStep>
        {
            new("configure", Stage("configure"), () => [.. inputs.Variants.SelectMany(v =>
                BareCommandPlan.Configure(Tree(inputs, v), v.BaseTarget, v.BaseConfigFile, Path.Combine(v.ScratchBuildDir, "mtcopy-fragment.config")))]),
            new("build", Stage("build"), () => [.. inputs.Variants.SelectMany(v =>
                BareCommandPlan.Build(Tree(inputs, v), inputs.Jobs, inputs.Pinned, [.. inputs.Modules.Select(m => BareModuleDir(inputs, m, v))]))]),
            new("smoke", Stage("smoke"), () => [.. inputs.Variants.SelectMany(v =>
                BareCommandPlan.Smoke(Path.Combine(inputs.GuestSourceDir, GuestRunner.TestSourceName), Path.Combine(BareVariantDir(inputs, v), GuestRunner.TestProgramFileName), Qemu(inputs, v)))]),
            new("package", Stage("package"), () => BareCommandPlan.Package(PackagePaths(inputs))),
        };

        return new OverheadPlan(Scenario(inputs), steps, inputs.Repetitions, inputs.LogDir)
        {
            BeforePipeline = _ =>
            {
                ScratchFiles.Touch(touched);
                // Each stage must run, not skip as an unchanged re-run would; and no result of an earlier repetition may count.
                ScratchFiles.DeleteDirectory(Path.Combine(inputs.ScratchStateDir, "stamps"));
                File.Delete(Path.Combine(inputs.ScratchOut, "metadata.json"));
            },
            CheckPipeline = rep => CheckStages(inputs, rep),
            BeforeBare = _ =>
            {
                ScratchFiles.Touch(touched);
                foreach (PipelineBenchVariant v in inputs.Variants)
                {
                    Directory.CreateDirectory(BareVariantDir(inputs, v));
                    foreach (ModuleSource m in inputs.Modules)
                    {
                        ScratchFiles.CopySource(m.SourceDir, BareModuleDir(inputs, m, v));
                    }
                }
            },
        };
    }

    private static string Scenario(PipelineBenchInputs inputs) =>
        $"Incremental path: {inputs.TouchedFile} touched in the applied tree before each side, so both rebuild the same objects, relink the kernel " +
        $"and rebuild the module. Pipeline: the stages {string.Join(", ", PipelineBenchInputs.Stages)} as `mtcopy <stage>` processes " +
        $"with the output directory {inputs.ScratchOut}, whose build directory is a link to the real one (stamps cleared first, so each stage runs rather than skips). " +
        "Bare: the same make, merge_config.sh, gcc, qemu, dpkg-deb, rpmbuild, lintian and rpmlint command lines run directly on the same directories; " +
        "the bare side leaves out what only the pipeline does (starting the CLI, writing the initramfs, staging packages, hashing, state and metadata files). " +
        "The sides take turns going first.";

    private static List<string> CheckStages(PipelineBenchInputs inputs, int rep)
    {
        string path = Path.Combine(inputs.ScratchOut, "metadata.json");
        if (!File.Exists(path))
        {
            return [$"repetition {rep}: the stages wrote no {path}; cannot tell whether they ran"];
        }

        RunMetadata metadata = RunMetadataJson.Parse(File.ReadAllText(path));
        return PipelineBenchInputs.Stages
            .Select(name => (name, result: metadata.Stages.FirstOrDefault(s => s.Name == name)))
            .Where(s => s.result is null || s.result.Status != StageStatus.Pass)
            .Select(s => s.result is null
                ? $"repetition {rep}: the {s.name} stage left no result"
                : $"repetition {rep}: the {s.name} stage reported {RunMetadataJson.StatusText(s.result.Status)}, not PASS ({s.result.Message}): its time is not comparable")
            .ToList();
    }

    private static KbuildTree Tree(PipelineBenchInputs inputs, PipelineBenchVariant v) =>
        new(inputs.Worktree, v.ScratchBuildDir, v.Arch) { ExtraVariables = inputs.KbuildVariables };

    private static string BareVariantDir(PipelineBenchInputs inputs, PipelineBenchVariant v) => Path.Combine(inputs.BareDir, v.Name);

    private static string BareModuleDir(PipelineBenchInputs inputs, ModuleSource m, PipelineBenchVariant v) =>
        Path.Combine(inputs.BareDir, $"module-{m.Name}-{v.Name}");

    private static QemuSettings Qemu(PipelineBenchInputs inputs, PipelineBenchVariant v) =>
        new(Path.Combine(v.ScratchBuildDir, "arch", "x86", "boot", "bzImage"),
            Path.Combine(v.ScratchSmokeDir, GuestRunner.InitramfsFileName),
            Path.Combine(BareVariantDir(inputs, v), GuestRunner.ConsoleFileName),
            Path.Combine(BareVariantDir(inputs, v), GuestRunner.KtapFileName))
        {
            Timeout = v.SmokeTimeout,
        };

    /// <summary>The trees and files the pipeline's Package stage just left; found by looking, as their names come from the manifest.</summary>
    private static BarePackagePaths PackagePaths(PipelineBenchInputs inputs)
    {
        string rpmTop = Path.Combine(inputs.ScratchPackagingDir, "rpm");
        string deb = Single(inputs.ScratchPackagesDir, "*.deb");
        string rpm = Single(inputs.ScratchPackagesDir, "*.rpm");
        string bareDeb = Path.Combine(inputs.BareDir, "packages", Path.GetFileName(deb));
        Directory.CreateDirectory(Path.GetDirectoryName(bareDeb)!);
        return new BarePackagePaths(
            Path.Combine(inputs.ScratchPackagingDir, "deb", "root"),
            bareDeb,
            rpmTop,
            Single(Path.Combine(rpmTop, "SPECS"), "*.spec"),
            Path.Combine(rpmTop, "RPMS", "noarch", Path.GetFileName(rpm)),
            inputs.RpmlintConfig,
            inputs.SourceDateEpoch);
    }

    private static string Single(string directory, string pattern)
    {
        string[] found = Directory.Exists(directory) ? Directory.GetFiles(directory, pattern) : [];
        return found.Length == 1
            ? found[0]
            : throw new UserErrorException($"Expected one {pattern} in {directory} after the Package stage, found {found.Length}.");
    }
}
