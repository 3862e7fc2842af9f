namespace Mtcopy.Adapters.Bench;

/// <summary>The file chores around a measurement, kept out of the timed part.</summary>
public static class ScratchFiles
{
    private static readonly string[] BuildProducts = [".o", ".ko", ".mod", ".mod.c", ".cmd", ".a", ".order", ".symvers", ".dwo"];

    /// <summary>
    /// A fresh copy of a module's source without build products or dot-directories, as the Build stage
    /// copies it, so a bare <c>make M=</c> does the whole module build as the stage's does.
    /// </summary>
    public static void CopySource(string from, string to)
    {
        DeleteDirectory(to);
        Directory.CreateDirectory(to);
        foreach (string file in Directory.EnumerateFiles(from))
        {
            string name = Path.GetFileName(file);
            if (!BuildProducts.Any(s => name.EndsWith(s, StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(to, name));
            }
        }

        foreach (string directory in Directory.EnumerateDirectories(from).Where(d => !Path.GetFileName(d).StartsWith('.')))
        {
            CopySource(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }

    /// <summary>Sets the file's modification time to now, as <c>touch</c> does, so make rebuilds what depends on it.</summary>
    public static void Touch(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} does not exist: nothing to touch.", path);
        }

        File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
    }

    /// <summary>Deletes a directory tree; a symbolic link is removed itself, never what it points to.</summary>
    public static void DeleteDirectory(string path)
    {
        var info = new DirectoryInfo(path);
        if (info.LinkTarget is not null)
        {
            info.Delete();
        }
        else if (info.Exists)
        {
            info.Delete(recursive: true);
        }
    }
}
