using Mtcopy.Adapters.Git;
using Mtcopy.Adapters.Kernel;
using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Results;
using Mtcopy.Adapters.Smoke;
using Mtcopy.Adapters.SystemTest;
using Mtcopy.Cli.Packaging;
using Mtcopy.Core;
using Mtcopy.Core.Series;
using Mtcopy.Core.Series.Manifest;

namespace Mtcopy.Cli;

/// <summary>What every stage of one invocation shares: the options, the paths, the tools.</summary>
public sealed class StageContext
{
    private SeriesSource? series;

    private IKernelBuild? kernelBuild;

    private IPackagers? packagers;

    private GitCli? git;

    private IGuestRunner? guest;

    private ISystemGuest? systemGuest;

    public StageContext(CliOptions options, RunLayout workspace, IProcessRunner runner, ConsoleReporter console, MetadataStore metadata)
    {
        Metadata = metadata;
        Options = options;
        Layout = workspace;
        Runner = runner;
        Console = console;
        Stamps = new StampStore(workspace.StateDir);
    }

    public CliOptions Options { get; }

    public RunLayout Layout { get; }

    public IProcessRunner Runner { get; }

    public ConsoleReporter Console { get; }

    public StampStore Stamps { get; }

    /// <summary>metadata.json of this run, for stages that record more than their own result.</summary>
    public MetadataStore Metadata { get; }

    /// <summary>
    /// The kernel-build step every stage configures and builds kernels with: over <see cref="Runner"/>, with ccache's make
    /// variables (read when first asked for, after <see cref="Ccache.Configure"/>) and --jobs; a test may give another.
    /// </summary>
    public IKernelBuild KernelBuild
    {
        get => kernelBuild ??= new KernelBuild(Runner, Ccache.MakeVariables(), Options.Jobs);
        init => kernelBuild = value;
    }

    /// <summary>The package builders, signer, smoke checks and linters the Package stage works with: over <see cref="Runner"/>; a test may give fakes.</summary>
    public IPackagers Packagers
    {
        get => packagers ??= new Packagers(Runner);
        init => packagers = value;
    }

    /// <summary>The smoke guest (its test modules, its qemu boot) Smoke, Matrix and Bench run, over <see cref="Runner"/>; a test may give another.</summary>
    public IGuestRunner Guest
    {
        get => guest ??= new GuestRunner(Runner);
        init => guest = value;
    }

    /// <summary>The SystemTest stage's Debian guest (root, disk, boots), over <see cref="Runner"/>; a test may give another.</summary>
    public ISystemGuest SystemGuest
    {
        get => systemGuest ??= new SystemGuest(Runner);
        init => systemGuest = value;
    }

    /// <summary>git, with our fixed settings, over <see cref="Runner"/>.</summary>
    public GitCli Git => git ??= new GitCli(Runner);

    /// <summary>The <c>--series=</c> directory, resolved once: a manifest series or a plain quilt series.</summary>
    public SeriesSource Series => series ??= SeriesSourceResolver.Resolve(Layout.SeriesDir);

    /// <summary>The manifest; a plain quilt series has none, and stages that need it say so.</summary>
    public SeriesManifest RequireManifest(string why) => Series.Manifest
        ?? throw new UserErrorException($"{Layout.SeriesDir} is a plain quilt series without {SeriesSource.ManifestFileName}; {why}.");

    /// <summary>
    /// The config variants to build: --config's single variant, else --configs, else the manifest's default one only
    /// (a first run builds one kernel; the others, e.g. debug, are asked for with --configs=smoke,debug).
    /// </summary>
    public IReadOnlyList<ConfigVariant> ConfigVariants()
    {
        if (Options.Config is { } config)
        {
            string path = Path.GetFullPath(config, Environment.CurrentDirectory);
            if (!File.Exists(path))
            {
                throw new UserErrorException($"--config={config}: no such file. Give a config fragment or a full .config such as /boot/config-$(uname -r).");
            }

            return [ConfigVariant.FromUserFile(path)];
        }

        SeriesManifest manifest = RequireManifest("give your own config with --config=<fragment or .config>");
        IReadOnlyList<string> names = Options.Configs ?? [manifest.Config.Default];
        return [.. names.Select(n => ConfigVariant.FromManifest(manifest, Layout.SeriesDir, n))];
    }
}
