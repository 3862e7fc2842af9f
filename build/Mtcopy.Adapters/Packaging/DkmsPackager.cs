using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Results;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Packaging;

/// <summary>
/// Builds the DKMS packaging of the module into an output directory: the source tarball,
/// the Debian source package and its .deb, the .rpm and SHA256SUMS over them. Same inputs and SOURCE_DATE_EPOCH, same bytes.
/// </summary>
public sealed class DkmsPackager(IProcessRunner runner)
{
    /// <exception cref="TemplateException">A template does not parse or render.</exception>
    /// <exception cref="Mtcopy.Core.UserErrorException">Templates or module source missing.</exception>
    /// <exception cref="ProcessFailedException">dpkg-buildpackage or rpmbuild failed.</exception>
    public async Task<PackagingResult> BuildAsync(PackagingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = new PackageBuildContext(
            request.Model,
            ModuleSourceReader.Read(request.ModuleSourceDir),
            new PackageTemplateFiles(request.RepositoryRoot),
            Path.GetFullPath(request.ScratchDir),
            Path.GetFullPath(request.OutputDir),
            request.LogDir);

        string tarball = SourceTarballBuilder.Build(context);
        DebSourcePackage debian = await new DebPackageBuilder(runner).BuildAsync(context, tarball, cancellationToken).ConfigureAwait(false);
        string rpm = await new RpmPackageBuilder(runner).BuildAsync(context, cancellationToken).ConfigureAwait(false);

        string[] files = [tarball, .. debian.Files, rpm];
        var hashes = files.ToDictionary(p => Path.GetFileName(p), FileHash.Sha256, StringComparer.Ordinal);
        string sums = Path.Combine(context.OutputDir, ChecksumFile.Sha256SumsFileName);
        AtomicFile.WriteAllText(sums, ChecksumFile.Format(hashes));
        return new PackagingResult(tarball, debian, rpm, sums);
    }
}
