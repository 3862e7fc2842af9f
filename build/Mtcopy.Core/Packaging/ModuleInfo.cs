using System.Text;

namespace Mtcopy.Core.Packaging;

/// <summary>Reads the .modinfo strings of a kernel module (<c>key=value\0</c> entries), e.g. its vermagic.</summary>
public static class ModuleInfo
{
    /// <summary>The value of <c>vermagic=</c> (e.g. <c>6.12.117-mtcopy SMP mod_unload </c>), or null.</summary>
    public static string? Vermagic(ReadOnlySpan<byte> module) => Value(module, "vermagic");

    /// <summary>The first <c>key=value</c> string found for <paramref name="key"/> that starts after a NUL, or null.</summary>
    public static string? Value(ReadOnlySpan<byte> module, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        byte[] needle = Encoding.ASCII.GetBytes(key + "=");
        int offset = 0;
        while (offset < module.Length)
        {
            int found = module[offset..].IndexOf(needle);
            if (found < 0)
            {
                return null;
            }

            int start = offset + found;
            if (start > 0 && module[start - 1] == 0)
            {
                ReadOnlySpan<byte> rest = module[(start + needle.Length)..];
                int end = rest.IndexOf((byte)0);
                return Encoding.UTF8.GetString(end < 0 ? rest : rest[..end]);
            }

            offset = start + 1;
        }

        return null;
    }

    /// <summary>Whether the vermagic names exactly this kernel release (its first word).</summary>
    public static bool IsFor(string? vermagic, string kernelRelease) =>
        vermagic is not null && vermagic.Split(' ', 2)[0] == kernelRelease;
}
