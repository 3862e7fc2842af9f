using Mtcopy.Adapters.Process;

namespace Mtcopy.Adapters.SystemTest;

/// <summary>Files read out of the ext4 image with debugfs (read-only, no mount): what the guest installed in /boot.</summary>
public sealed class ImageFiles(IProcessRunner runner)
{
    /// <summary>The names in the image's /boot.</summary>
    public async Task<IReadOnlyList<string>> ListBootAsync(string image, string logPath, CancellationToken cancellationToken = default)
    {
        var lines = new List<string>();
        await runner.RunAsync(new ProcessSpec("debugfs", ["-R", "ls -p /boot", image])
        {
            LogPath = logPath,
            OnLine = line => { lock (lines) { lines.Add(line); } },
            Timeout = TimeSpan.FromMinutes(2),
        }, cancellationToken).ConfigureAwait(false);
        // "ls -p": /inode/mode/uid/gid/name/size/ a line.
        return [.. lines.Where(l => l.StartsWith('/'))
            .Select(l => l.Split('/'))
            .Where(f => f.Length >= 7 && f[5] is not ("" or "." or ".."))
            .Select(f => f[5])];
    }

    /// <summary>Copies /boot/<paramref name="name"/> out of the image to <paramref name="destination"/>.</summary>
    public async Task DumpBootFileAsync(string image, string name, string destination, string logPath, CancellationToken cancellationToken = default)
    {
        File.Delete(destination);
        await runner.RunAsync(new ProcessSpec("debugfs", ["-R", $"dump /boot/{name} {destination}", image])
        {
            LogPath = logPath,
            Timeout = TimeSpan.FromMinutes(2),
        }, cancellationToken).ConfigureAwait(false);
        if (!File.Exists(destination) || new FileInfo(destination).Length == 0)
        {
            throw new Mtcopy.Core.UserErrorException($"the guest's image has no /boot/{name} (see {logPath})");
        }
    }
}
