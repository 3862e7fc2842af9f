using System.Security.Cryptography;
using Mtcopy.Adapters.Process;

namespace Mtcopy.Adapters.SystemTest;

/// <summary>
/// Opens a built .deb (dpkg-deb -R), lets the caller change its tree, and builds it again (dpkg-deb -b, files
/// owned by root) with md5sums covering the files it ships: for the system test's negative controls only.
/// </summary>
public sealed class DebRepacker(IProcessRunner runner)
{
    public async Task RepackAsync(string deb, string output, string scratch, Action<string> change, string logPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }

        await runner.RunAsync(new ProcessSpec("dpkg-deb", ["-R", deb, scratch]) { LogPath = logPath }, cancellationToken).ConfigureAwait(false);
        change(scratch);
        WriteMd5sums(scratch);
        File.Delete(output);
        await runner.RunAsync(new ProcessSpec("dpkg-deb", ["--root-owner-group", "-b", scratch, output]) { LogPath = logPath }, cancellationToken).ConfigureAwait(false);
        Directory.Delete(scratch, recursive: true);
    }

    /// <summary>Adds a maintainer script's lines after its first line (the #! line).</summary>
    public static void InsertIntoScript(string tree, string script, string lines)
    {
        string path = Path.Combine(tree, "DEBIAN", script);
        string[] text = File.ReadAllLines(path);
        File.WriteAllText(path, string.Join('\n', [text[0], lines.TrimEnd('\n'), .. text.Skip(1)]) + "\n");
    }

    /// <summary>Replaces (or adds) a maintainer script, executable.</summary>
    public static void WriteScript(string tree, string script, string text)
    {
        string path = Path.Combine(tree, "DEBIAN", script);
        File.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        }
    }

    private static void WriteMd5sums(string tree)
    {
        var lines = Directory.EnumerateFiles(tree, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(tree, f))
            .Where(r => !r.StartsWith("DEBIAN/", StringComparison.Ordinal) && !new FileInfo(Path.Combine(tree, r)).Attributes.HasFlag(FileAttributes.ReparsePoint))
            .Order(StringComparer.Ordinal)
            .Select(r => $"{Md5(File.ReadAllBytes(Path.Combine(tree, r)))}  {r}\n");
        File.WriteAllText(Path.Combine(tree, "DEBIAN", "md5sums"), string.Concat(lines));
    }

#pragma warning disable CA5351 // MD5 is what dpkg's md5sums format is; it detects corruption, not tampering.
    private static string Md5(byte[] data) => Convert.ToHexStringLower(MD5.HashData(data));
#pragma warning restore CA5351
}
