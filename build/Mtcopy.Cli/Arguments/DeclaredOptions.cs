using System.Globalization;

namespace Mtcopy.Cli.Arguments;

/// <summary>Every option of the pipeline, declared once; <see cref="CliOptions"/> reads them, the help lists them.</summary>
public static class DeclaredOptions
{
    public static readonly OptionDeclaration Target = new("target", OptionKind.Text, "TARGET",
        "The build.cake target to run, with the targets it depends on; the stages read it only to rebuild the command line.")
    { Default = "Default" };

    public static readonly OptionDeclaration Kernel = new("kernel", OptionKind.Text, "debian:6.12|TREE|TARBALL|git:URL@REF",
        "The kernel to patch: a Debian source package, a kernel tree (git repository or plain directory), a .tar.xz/.tar.gz of one, or git:<url>@<ref>.")
    { Default = "debian:6.12" };

    public static readonly OptionDeclaration Series = new("series", OptionKind.Text, "DIR",
        "The series: a directory with manifest.yaml, or a plain quilt directory (series + patches, git mail or DEP-3).")
    { Default = "patches" };

    public static readonly OptionDeclaration Config = new("config", OptionKind.Text, "FILE",
        "Your own config: a fragment (merged onto tinyconfig) or a full .config such as /boot/config-*; replaces --configs.")
    { DefaultMeaning = "the manifest's config fragments" };

    public static readonly OptionDeclaration Configs = new("configs", OptionKind.List, "NAME,...",
        "The manifest's config fragments to build and smoke, comma-separated, e.g. smoke,debug (SystemTest's is system).")
    { DefaultMeaning = "the manifest's default one" };

    public static readonly OptionDeclaration Out = new("out", OptionKind.Text, "DIR",
        "The output directory: artifacts, logs, metadata.json, our worktree and the stages' state.")
    { Default = "artifacts" };

    public static readonly OptionDeclaration Jobs = new("jobs", OptionKind.Number, "N", "Parallel make jobs for the kernel and module builds.")
    { Default = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), DefaultMeaning = "the number of CPUs", Minimum = 1 };

    public static readonly OptionDeclaration Fuzz = new("fuzz", OptionKind.Number, "N",
        "Let hunks apply with up to N lines of context dropped.")
    { Default = "0", DefaultMeaning = "never" };

    public static readonly OptionDeclaration Continue = new("continue", OptionKind.Flag, "",
        "After Apply or Rebase stopped on a conflict: resume, once the files are fixed and added.");

    public static readonly OptionDeclaration Abort = new("abort", OptionKind.Flag, "",
        "After Apply or Rebase stopped on a conflict: remove everything it made.");

    public static readonly OptionDeclaration Cache = new("cache", OptionKind.Text, "DIR",
        "Where fetched kernel sources, ccache and the system test's root are kept; Clean leaves it.")
    { DefaultMeaning = "$XDG_CACHE_HOME/mtcopy or ~/.cache/mtcopy" };

    public static readonly OptionDeclaration RunId = new("run-id", OptionKind.Text, "ID",
        "The run the stage belongs to, so metadata.json collects a run's stages together.")
    { Plumbing = true };

    public static readonly OptionDeclaration SignKey = new("sign-key", OptionKind.Text, "FILE|pkcs11:URI",
        "The private key (PEM) that signs the packaged module; give --sign-cert with it.");

    public static readonly OptionDeclaration SignCert = new("sign-cert", OptionKind.Text, "FILE",
        "The certificate (DER) that goes with --sign-key.");

    public static readonly OptionDeclaration Kernels = new("kernels", OptionKind.List, "BASE,...",
        "Matrix: the bases to apply, build and smoke the series on, comma-separated, each any --kernel form.");

    public static readonly OptionDeclaration Onto = new("onto", OptionKind.Text, "BASE",
        "Rebase: the new base, any --kernel form, e.g. debian:7.2; --continue and --abort find the one rebase without it.");

    public static readonly OptionDeclaration MatrixResults = new("matrix-results", OptionKind.List, "PATH,...",
        "MatrixJoin: the matrix jobs' matrix.json files, or directories holding them, comma-separated.");

    public static readonly OptionDeclaration SystemFault = new("system-fault", OptionKind.Text, "FAULT",
        "SystemTest's negative control: uname-only-postinst, kernel-ships-module or purge-leaves-file.")
    { DefaultMeaning = "none (the real test)" };

    /// <summary>All of them, in the order the help lists them.</summary>
    public static IReadOnlyList<OptionDeclaration> All { get; } =
    [
        Target, Kernel, Series, Config, Configs, Out, Jobs, Fuzz, Continue, Abort, Cache,
        SignKey, SignCert, Kernels, Onto, MatrixResults, SystemFault, RunId,
    ];

    /// <summary>The declaration named <paramref name="name"/>, or null.</summary>
    public static OptionDeclaration? Find(string name) => All.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal));
}
