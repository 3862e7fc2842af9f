using Mtcopy.Core;

namespace Mtcopy.Core.Kernel;

/// <summary>
/// The kernel release string (<c>uname -r</c>), as written to <c>include/config/kernel.release</c>
/// in the build directory, e.g. <c>6.12.117-mtcopy+</c>. <see cref="Version"/> carries the
/// numeric part; its ExtraVersion holds everything after (EXTRAVERSION + LOCALVERSION).
/// </summary>
public sealed record KernelRelease(string Value, KernelVersion Version)
{
    /// <summary>Parses the content of include/config/kernel.release (one line).</summary>
    public static KernelRelease Parse(string text, string sourceName = "include/config/kernel.release")
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length != 1 || lines[0].Any(char.IsWhiteSpace))
        {
            throw new UserErrorException(
                $"{sourceName}: expected a single kernel release string such as 6.12.117, found {lines.Length} line(s). "
                + "Re-run the kernel build so that it is regenerated.");
        }

        return KernelVersion.TryParse(lines[0], out KernelVersion? version)
            ? new KernelRelease(lines[0], version)
            : throw new UserErrorException(
                $"{sourceName}: '{lines[0]}' does not start with a kernel version like 6.12.117. Re-run the kernel build.");
    }

    public override string ToString() => Value;
}
