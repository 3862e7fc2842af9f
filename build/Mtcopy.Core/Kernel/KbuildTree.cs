namespace Mtcopy.Core.Kernel;

/// <summary>
/// Where and how kbuild runs: the kernel source tree, the out-of-tree build directory (O=),
/// the ARCH, extra make variables (e.g. <c>W=1</c>, <c>LLVM=1</c>, <c>CROSS_COMPILE=...</c>)
/// and the make program. Paths must be absolute.
/// </summary>
public sealed record KbuildTree
{
    public KbuildTree(string sourceDir, string buildDir, string arch)
    {
        SourceDir = RequireAbsolute(sourceDir, nameof(sourceDir));
        BuildDir = RequireAbsolute(buildDir, nameof(buildDir));
        ArgumentException.ThrowIfNullOrWhiteSpace(arch);
        if (arch.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '_'))
        {
            throw new UserErrorException($"'{arch}' is not a kernel ARCH name; use e.g. x86_64, x86, arm64 or riscv.");
        }

        Arch = arch;
    }

    public string SourceDir { get; }

    public string BuildDir { get; }

    public string Arch { get; }

    /// <summary>Extra <c>NAME=value</c> make variables appended after O= and ARCH=.</summary>
    public IReadOnlyList<string> ExtraVariables
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            foreach (string variable in value)
            {
                int equals = variable.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0 || variable.StartsWith('-') || variable[..equals].Any(char.IsWhiteSpace))
                {
                    throw new UserErrorException($"'{variable}' is not a make variable assignment; write NAME=value (e.g. W=1).");
                }
            }

            field = value;
        }
    } = [];

    public string MakeProgram { get; init; } = "make";

    private static string RequireAbsolute(string path, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path, name);
        return Path.IsPathFullyQualified(path)
            ? Path.TrimEndingDirectorySeparator(path)
            : throw new ArgumentException($"'{path}' must be an absolute path.", name);
    }
}
