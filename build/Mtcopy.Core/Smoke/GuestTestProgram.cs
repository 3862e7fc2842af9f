namespace Mtcopy.Core.Smoke;

/// <summary>The guest's test program (tests/guest/mtcopy-test.c): static, so the initramfs needs no libc.</summary>
public static class GuestTestProgram
{
    public const string Compiler = "gcc";

    /// <summary><c>gcc -O2 -Wall -static -o &lt;output&gt; &lt;source&gt;</c>.</summary>
    public static IReadOnlyList<string> CompileArguments(string sourcePath, string outputPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourcePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputPath);
        return ["-O2", "-Wall", "-static", "-o", outputPath, sourcePath];
    }
}
