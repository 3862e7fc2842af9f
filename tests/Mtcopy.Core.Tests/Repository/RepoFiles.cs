namespace Mtcopy.Core.Tests.Repository;

/// <summary>Finds files of this repository from a test's working directory.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tooling.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Tooling.sln not found above " + AppContext.BaseDirectory);
    }
}
