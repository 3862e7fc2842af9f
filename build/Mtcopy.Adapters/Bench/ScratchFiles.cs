using Mtcopy.Adapters.Process;

namespace Mtcopy.Adapters.Bench;

/// <summary>The file chores around a measurement, kept out of the timed part.</summary>
public static class ScratchFiles
{
    private static readonly string[] BuildProducts = [".o", ".ko", ".mod", ".mod.c", ".cmd", ".a", ".order", ".symvers", ".dwo"];

    /// <summary>A fresh copy of <paramref name="from"/> at <paramref name="to"/> with <c>cp -a</c> (times, modes and links kept, so make sees the same tree).</summary>
    public static async Task CopyTreeAsync(IProcessRunner runner, string from, string to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runner);
        if (!Directory.Exists(from))
        {
            throw new DirectoryNotFoundException($"{from} does not exist.");
        }

        DeleteDirectory(to);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(to))!);
        await runner.RunAsync(new ProcessSpec("cp", ["-a", "--reflink=auto", "--", from, to]), cancellationToken).ConfigureAwait(false);
    }

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

    public static void DeleteDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
