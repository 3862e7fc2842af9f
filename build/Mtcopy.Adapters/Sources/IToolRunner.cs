namespace Mtcopy.Adapters.Sources;

/// <summary>Runs a <see cref="ToolCommand"/>; injected so tests can script tool behaviour.</summary>
internal interface IToolRunner
{
    /// <summary>Runs the command to its end; a non-zero exit code is returned, not thrown.</summary>
    Task<ToolResult> RunAsync(ToolCommand command, CancellationToken cancellationToken);
}
