namespace Mtcopy.Adapters.Kernel;

/// <summary>What a kernel build leaves in its artifact directory: <c>bzImage</c> and <c>kernel.release</c>.</summary>
public static class KernelArtifacts
{
    public const string ImageFileName = "bzImage";

    public const string ReleaseFileName = "kernel.release";

    /// <summary>Copies the built bzImage and writes the release ("unknown" when kbuild reported none); the release.</summary>
    public static async Task<string> SaveAsync(KernelBuildResult kernel, string artifactDir, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        Directory.CreateDirectory(artifactDir);
        File.Copy(Path.Combine(kernel.BuildDir, "arch", "x86", "boot", ImageFileName), Path.Combine(artifactDir, ImageFileName), overwrite: true);
        string release = kernel.Release?.Value ?? "unknown";
        await File.WriteAllTextAsync(Path.Combine(artifactDir, ReleaseFileName), release + "\n", cancellationToken).ConfigureAwait(false);
        return release;
    }

    /// <summary>The release <see cref="SaveAsync"/> wrote.</summary>
    public static async Task<string> ReadReleaseAsync(string artifactDir, CancellationToken cancellationToken) =>
        (await File.ReadAllTextAsync(Path.Combine(artifactDir, ReleaseFileName), cancellationToken).ConfigureAwait(false)).Trim();
}
