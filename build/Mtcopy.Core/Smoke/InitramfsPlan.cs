namespace Mtcopy.Core.Smoke;

/// <summary>The contents of an initramfs, as data; the files from the host are read only when it is written.</summary>
public sealed record InitramfsPlan(IReadOnlyList<InitramfsItem> Items)
{
    /// <summary>The host files the plan copies, in target path order.</summary>
    public IReadOnlyList<string> HostPaths =>
        [.. Items.Where(i => i.HostPath is not null).OrderBy(i => i.TargetPath, StringComparer.Ordinal).Select(i => i.HostPath!)];

    /// <summary>The cpio entries, with host files' contents read through <paramref name="readHostFile"/>.</summary>
    public IReadOnlyList<CpioEntry> ToEntries(Func<string, ReadOnlyMemory<byte>> readHostFile)
    {
        ArgumentNullException.ThrowIfNull(readHostFile);
        return [.. Items.Select(item => new CpioEntry(item.TargetPath, item.Kind, item.Permissions)
        {
            Data = item.HostPath is { } host ? readHostFile(host) : item.Content,
            DeviceMajor = item.DeviceMajor,
            DeviceMinor = item.DeviceMinor,
        })];
    }
}
