using Mtcopy.Core;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Packaging;

/// <summary>Reads the packaging templates from a checkout of the repository and renders them.</summary>
public sealed class PackageTemplateFiles(string repositoryRoot)
{
    public string RepositoryRoot { get; } = Path.GetFullPath(repositoryRoot);

    /// <exception cref="UserErrorException">The template file is missing.</exception>
    /// <exception cref="TemplateException">It does not parse or names an unknown value.</exception>
    public string Render(PackageTemplate template, PackageMetadata model) => template.Render(Read(template), model);

    private string Read(PackageTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        string path = Path.Combine(RepositoryRoot, template.RelativePath);
        if (!File.Exists(path))
        {
            throw new UserErrorException(
                $"Packaging template {template.RelativePath} not found under {RepositoryRoot}: run from a checkout of the mtcopy repository.");
        }

        return File.ReadAllText(path);
    }
}
