using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Packaging;

/// <summary>Writes &lt;name&gt;-&lt;version&gt;.tar.gz of the module source into the output directory.</summary>
public static class SourceTarballBuilder
{
    /// <returns>The tarball's path.</returns>
    public static string Build(PackageBuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        DkmsPackageModel model = context.Model;
        Directory.CreateDirectory(context.OutputDir);
        string path = Path.Combine(Path.GetFullPath(context.OutputDir), model.TarballFileName);
        File.WriteAllBytes(path, SourceTarball.Create(model.TarballPrefix, [.. context.ModuleSource], model.SourceDateEpoch));
        File.SetLastWriteTimeUtc(path, DateTimeOffset.FromUnixTimeSeconds(model.SourceDateEpoch).UtcDateTime);
        return path;
    }
}
