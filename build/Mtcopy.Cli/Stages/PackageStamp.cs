using System.Globalization;
using Mtcopy.Adapters.Kernel;
using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Results;
using Mtcopy.Core.Packaging;
using Mtcopy.Core.Results;
using Mtcopy.Core.Series;
using Mtcopy.Core.Series.Manifest;
using Mtcopy.Core.Sources;

namespace Mtcopy.Cli.Stages;

/// <summary>
/// The Package stage's stamp: Package is skipped when everything that goes into the packages is unchanged
/// (<see cref="PackageStampSources"/>: the built kernel and module, the manifest, the templates, the module
/// source, the signing key, the epoch, the base the DKMS check declines, the packaging tools and our packaging
/// code) and every package it recorded is still there with the sha256 it had.
/// </summary>
public sealed class PackageStamp
{
    public const string StampName = PackageStage.StateName;

    private readonly StampStore stamps;

    private PackageStamp(StampStore stamps, IReadOnlyDictionary<string, string> inputs)
    {
        this.stamps = stamps;
        Inputs = inputs;
        Key = StageFingerprint.Compute(StampName, inputs);
    }

    /// <summary>The named input hashes the key is computed from (kept in the stamp, to say which changed).</summary>
    public IReadOnlyDictionary<string, string> Inputs { get; }

    public string Key { get; }

    /// <summary>The stamp of these inputs: every file and directory hashed now.</summary>
    public static PackageStamp Create(StampStore stamps, PackageStampSources sources)
    {
        ArgumentNullException.ThrowIfNull(stamps);
        ArgumentNullException.ThrowIfNull(sources);
        var inputs = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["manifest"] = FileHash.Sha256(sources.Manifest),
            ["templates"] = Trees(sources.TemplateDirs),
            ["code"] = Trees(sources.CodePaths),
            ["module_source"] = BuildStage.ModuleSourceHash(sources.ModuleSource),
            ["kernel"] = sources.KernelFiles.Count == 0 ? "none" : Files(sources.KernelFiles),
            ["kernel_release"] = sources.KernelRelease ?? "none",
            ["source_date_epoch"] = sources.SourceDateEpoch.ToString(CultureInfo.InvariantCulture),
            ["base_commit"] = sources.BaseCommit,
            ["fragments"] = ContentHash.Sha256(sources.FragmentText),
            ["sign_key"] = KeyInput(sources.SigningKey?.PrivateKeyPath),
            ["sign_cert"] = KeyInput(sources.SigningKey?.CertificatePath),
            ["tools"] = ContentHash.Sha256(sources.ToolVersions),
        };
        return new PackageStamp(stamps, inputs);
    }

    /// <summary>The stamp of the current run's inputs, gathered from the earlier stages' state and the repository.</summary>
    public static async Task<PackageStamp> ForAsync(StageContext context, SeriesManifest manifest, ModuleSpec module, ModuleSigningKey? key,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(module);
        RunLayout layout = context.Layout;
        var built = StateFile.Read<BuildState>(layout.StateDir, BuildStage.StateName);
        var fetched = StateFile.Read<FetchedBase>(layout.StateDir, FetchStage.StateName);
        string packagedConfig = PackagedConfigChoice.Choose(manifest.Config.Default, [.. built.Variants.Select(v => v.Name)]) ?? manifest.Config.Default;
        BuiltVariant? variant = built.Variants.FirstOrDefault(v => v.Name == packagedConfig);
        string versions = await InstalledVersions.QueryAsync(context.Runner, PackagingTools, cancellationToken).ConfigureAwait(false);
        return Create(context.Stamps, new PackageStampSources
        {
            Manifest = Path.Combine(layout.SeriesDir, SeriesSource.ManifestFileName),
            TemplateDirs = [.. TemplateDirectories.Select(d => Path.Combine(layout.RepoRoot, d))],
            CodePaths = [.. CodeDirectories.Select(d => Path.Combine(layout.RepoRoot, d))],
            ModuleSource = BuildStage.ModuleSource(context, module),
            KernelFiles = variant is null ? [] : KernelFiles(variant),
            KernelRelease = variant?.KernelRelease,
            SourceDateEpoch = built.SourceDateEpoch,
            BaseCommit = fetched.CommitId,
            FragmentText = ConfigVariant.FromManifest(manifest, layout.SeriesDir, packagedConfig).CombinedFragmentText(),
            SigningKey = key,
            ToolVersions = versions,
        });
    }

    /// <summary>The Debian packages whose versions change what Package makes or how it judges it (lint, DKMS).</summary>
    public static IReadOnlyList<string> PackagingTools { get; } =
        ["dpkg", "dpkg-dev", "debhelper", "rpm", "dkms", "lintian", "rpmlint", "gcc", "make", "kmod", "cpio", "xz-utils"];

    /// <summary>The templates and packaging files under the repository root.</summary>
    public static IReadOnlyList<string> TemplateDirectories { get; } = ["templates", "packaging"];

    /// <summary>Our code that decides what goes into the packages, under the repository root.</summary>
    public static IReadOnlyList<string> CodeDirectories { get; } =
        ["build/Mtcopy.Core/Packaging", "build/Mtcopy.Adapters/Packaging", "build/Mtcopy.Cli/Packaging", "build/Mtcopy.Cli/Stages/PackageStage.cs", "Directory.Packages.props"];

    /// <summary>Skip only when the inputs are the same and every recorded package still has its recorded sha256.</summary>
    public SkipVerdict Check() => stamps.Check(StampName, Key, Inputs);

    /// <summary>The packages (and other files) the passing run recorded, outside the state directory.</summary>
    public IReadOnlyList<string> RecordedArtifacts() =>
        stamps.Read(StampName) is { } stamp
            ? [.. stamp.Outputs.Select(o => o.Path).Where(p => !p.StartsWith(stamps.StateDir + Path.DirectorySeparatorChar, StringComparison.Ordinal))]
            : [];

    /// <summary>Forgets the previous run before packaging again, so that a failed run never looks done.</summary>
    public void Invalidate() => stamps.Invalidate(StampName);

    /// <summary>Records a passing run: the inputs' key and every output file with its sha256.</summary>
    public void Record(IEnumerable<string> outputs) => stamps.Record(StampName, Key, Inputs, outputs);

    // The kernel's side of the packages: the image, vmlinux (bindeb-pkg's debug and headers), the config,
    // Module.symvers (headers, DKMS) and the modules.
    private static IReadOnlyList<string> KernelFiles(BuiltVariant variant) =>
        [variant.Image, Path.Combine(variant.BuildDir, "vmlinux"), Path.Combine(variant.BuildDir, "Module.symvers"), variant.Config, .. variant.Modules];

    // Each file's path and content hash ("missing" for none): a file that appears or goes away changes the hash too.
    private static string Files(IEnumerable<string> paths) =>
        ContentHash.Sha256(string.Join("\n", paths.Select(p => p + ":" + (FileHash.Sha256OrNull(p) ?? "missing"))));

    // Files or directory trees, each named by its last path component, its files by their paths inside it.
    private static string Trees(IEnumerable<string> paths) =>
        ContentHash.Sha256(string.Join("\n", paths.Select(p => Path.GetFileName(p) + ":" + (File.Exists(p)
            ? FileHash.Sha256(p)
            : Directory.Exists(p) ? FileHash.OfDirectory(p) : "missing"))));

    private static string KeyInput(string? path) => path switch
    {
        null => "none",
        _ when path.StartsWith("pkcs11:", StringComparison.Ordinal) => path,
        _ => FileHash.Sha256OrNull(path) ?? "missing",
    };
}
