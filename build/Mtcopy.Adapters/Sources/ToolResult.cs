namespace Mtcopy.Adapters.Sources;

/// <summary>How a tool ended: exit code and its buffered output.</summary>
internal sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;
}
