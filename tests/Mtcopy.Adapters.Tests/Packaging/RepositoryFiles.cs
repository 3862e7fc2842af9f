namespace Mtcopy.Adapters.Tests.Packaging;

/// <summary>Finds the repository checkout the tests run from (the directory holding Tooling.sln).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tooling.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Tooling.sln above {AppContext.BaseDirectory}.");
    }
}
