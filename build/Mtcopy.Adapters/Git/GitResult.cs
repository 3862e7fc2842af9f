using System.Text;

namespace Mtcopy.Adapters.Git;

/// <summary>What a git process returned.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Stdout">Standard output as bytes (blobs are binary).</param>
/// <param name="Stderr">Standard error as text.</param>
public sealed record GitResult(int ExitCode, ReadOnlyMemory<byte> Stdout, string Stderr)
{
    /// <summary>Standard output decoded as UTF-8.</summary>
    public string StdoutText => Encoding.UTF8.GetString(Stdout.Span);

    /// <summary>The first line of standard output, trimmed (for ids and paths).</summary>
    public string FirstLine => StdoutText.Split('\n', 2)[0].Trim();
}
