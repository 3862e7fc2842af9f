using Mtcopy.Adapters.Kernel;
using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Results;
using Mtcopy.Core.Kernel;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Packaging;

/// <summary>
/// Packs an already built kernel with its own <c>make bindeb-pkg</c> and <c>make binrpm-pkg</c> and
/// moves the packages into the output directory. bindeb-pkg writes to the build directory's parent,
/// binrpm-pkg to &lt;build&gt;/rpmbuild/RPMS/&lt;arch&gt;/; the .changes and .buildinfo files go to the log
/// directory. vmlinux must be the same file afterwards: packaging packs the tested kernel, it does not
/// rebuild it. Both run with <see cref="KernelPackageShims"/> (written to &lt;build&gt;/../pkg-shims/) so that
/// their dates and file mtimes are SOURCE_DATE_EPOCH and two runs give byte-identical packages.
/// </summary>
public sealed class KernelPackageBuilder(IProcessRunner runner)
{
    public const string DebLogFileName = "bindeb-pkg.log";
    public const string RpmLogFileName = "binrpm-pkg.log";
    public const string ShimDirectoryName = "pkg-shims";

    // dpkg-buildpackage's records of the run: <source>_<version>_<arch>.changes and .buildinfo.
    private static readonly string[] DebSideSuffixes = [".changes", ".buildinfo"];

    /// <exception cref="KernelBuildException">make bindeb-pkg or binrpm-pkg failed (message: first error, log path).</exception>
    /// <exception cref="KernelPackagingException">A package is missing afterwards, or the kernel was relinked.</exception>
    public async Task<KernelPackagesResult> BuildAsync(KernelPackagingRequest request, Action<string>? onLine = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        KbuildTree tree = request.Tree;
        KernelPackageModel spec = request.Model;
        string vmlinux = Path.Combine(tree.BuildDir, "vmlinux");
        string before = FileHash.Sha256OrNull(vmlinux)
            ?? throw new KernelPackagingException($"{vmlinux} does not exist: build the kernel (Build stage) before packaging it.");
        string outputDir = Path.GetFullPath(request.OutputDir);
        Directory.CreateDirectory(outputDir);
        string logDir = Path.GetFullPath(request.LogDir);
        string debDir = Path.GetDirectoryName(tree.BuildDir)!;
        string rpmDir = Path.Combine(tree.BuildDir, "rpmbuild", "RPMS", spec.RpmArch);

        foreach (string file in spec.DebFiles.Select(f => Path.Combine(debDir, f)).Concat(DebSideFiles(debDir, spec)))
        {
            File.Delete(file);
        }

        // The left-out modules are installed from neither package: the packaging targets read a filtered modules.order.
        KernelPackagesResult result;
        using (ModuleOrderSwap.Begin(tree.BuildDir, request.LeftOutModules))
        {
            result = await PackAsync(request, outputDir, logDir, debDir, rpmDir, onLine, cancellationToken).ConfigureAwait(false);
        }

        string after = FileHash.Sha256(vmlinux);
        if (after != before)
        {
            throw new KernelPackagingException(
                $"Packaging relinked the kernel ({vmlinux} changed): the packages would not hold the kernel that was tested. "
                + $"Check that KBUILD_BUILD_* and the build number match the Build stage's; logs in {logDir}.");
        }

        return result;
    }

    private async Task<KernelPackagesResult> PackAsync(KernelPackagingRequest request,
        string outputDir, string logDir, string debDir, string rpmDir, Action<string>? onLine, CancellationToken cancellationToken)
    {
        KbuildTree tree = request.Tree;
        KernelPackageModel spec = request.Model;
        string? path = Environment.GetEnvironmentVariable("PATH");
        KernelPackageShims shims = await WriteShimsAsync(Path.Combine(debDir, ShimDirectoryName), path, cancellationToken).ConfigureAwait(false);
        string debLog = KbuildStepRunner.StartLog(logDir, DebLogFileName);
        ProcessResult deb = await KbuildStepRunner.RunAsync(runner, "bindeb-pkg",
            KernelPackageCommands.BindebPkg(tree, spec, request.Maintainer, request.Pinned, request.SourceDateEpoch, request.Jobs, shims, path),
            debLog, onLine, request.Timeout, cancellationToken).ConfigureAwait(false);
        var debs = spec.DebFiles.Select(f => MoveInto(Path.Combine(debDir, f), outputDir, "bindeb-pkg", debLog)).ToList();
        foreach (string side in DebSideFiles(debDir, spec))
        {
            File.Move(side, Path.Combine(logDir, Path.GetFileName(side)), overwrite: true);
        }

        if (Directory.Exists(rpmDir))
        {
            Directory.Delete(rpmDir, recursive: true);
        }

        await File.WriteAllTextAsync(Path.Combine(tree.BuildDir, ".version"), KernelPackageCommands.RpmVersionFileContent(spec), cancellationToken)
            .ConfigureAwait(false);
        string rpmLog = KbuildStepRunner.StartLog(logDir, RpmLogFileName);
        ProcessResult rpm = await KbuildStepRunner.RunAsync(runner, "binrpm-pkg",
            KernelPackageCommands.BinrpmPkg(tree, spec, request.Maintainer, request.Pinned, request.SourceDateEpoch, request.Jobs, shims, path),
            rpmLog, onLine, request.Timeout, cancellationToken).ConfigureAwait(false);
        var rpms = spec.RpmFiles.Select(f => MoveInto(Path.Combine(rpmDir, f), outputDir, "binrpm-pkg", rpmLog)).ToList();
        return new KernelPackagesResult(debs, rpms, deb.Duration, rpm.Duration);
    }

    /// <summary>Writes the date, dpkg-deb and pin-mtimes shims into <paramref name="directory"/> (replacing what was there).</summary>
    public static async Task<KernelPackageShims> WriteShimsAsync(string directory, string? path, CancellationToken cancellationToken = default)
    {
        var shims = new KernelPackageShims(
            Path.GetFullPath(directory),
            ProgramPath.Find(KernelPackageShims.DateName, path) ?? throw new KernelPackagingException("date is not on PATH (coreutils)."),
            ProgramPath.Find(KernelPackageShims.DpkgDebName, path) ?? throw new KernelPackagingException("dpkg-deb is not on PATH: apt-get install dpkg-dev."));
        Directory.CreateDirectory(shims.Directory);
        foreach ((string name, string content) in shims.Files)
        {
            string file = Path.Combine(shims.Directory, name);
            await File.WriteAllTextAsync(file, content, cancellationToken).ConfigureAwait(false);
            if (OperatingSystem.IsWindows())
            {
                continue;
            }

            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        return shims;
    }

    private static IEnumerable<string> DebSideFiles(string directory, KernelPackageModel spec) =>
        DebSideSuffixes
            .Select(suffix => Path.Combine(directory, $"{spec.DebSourceName}_{spec.DebVersion}_{spec.DebArch}{suffix}"))
            .Where(File.Exists);

    private static string MoveInto(string file, string outputDir, string target, string logPath)
    {
        if (!File.Exists(file))
        {
            throw new KernelPackagingException($"make {target} finished but did not write {file}; see {logPath}.");
        }

        string destination = Path.Combine(outputDir, Path.GetFileName(file));
        File.Move(file, destination, overwrite: true);
        return destination;
    }
}
