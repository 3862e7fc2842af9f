namespace Mtcopy.Core.Patching;

/// <summary>Parsing and formatting of git's octal file modes.</summary>
public static class GitFileModes
{
    /// <summary>
    /// Parses an octal mode as written in diff headers. Like git, any regular file mode with an
    /// execute bit becomes <see cref="GitFileMode.Executable"/>, any other regular mode <see cref="GitFileMode.Regular"/>.
    /// Returns null when the text is not an octal mode git knows.
    /// </summary>
    public static GitFileMode? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text.Length > 7)
        {
            return null;
        }

        var value = 0;
        foreach (var c in text)
        {
            if (c < '0' || c > '7')
            {
                return null;
            }

            value = (value * 8) + (c - '0');
        }

        const int typeMask = 0xF000;
        return (value & typeMask) switch
        {
            0x8000 => (value & 0x49) != 0 ? GitFileMode.Executable : GitFileMode.Regular,
            0xA000 => GitFileMode.Symlink,
            0xE000 => GitFileMode.Gitlink,
            _ => null,
        };
    }

    /// <summary>The six-digit octal form, e.g. "100644".</summary>
    public static string ToOctal(GitFileMode mode) =>
        Convert.ToString((int)mode, 8).PadLeft(6, '0');
}
