namespace Mtcopy.Core.Kernel;

/// <summary>One setting line: <paramref name="Name"/> includes the <c>CONFIG_</c> prefix; <paramref name="Line"/> is 1-based.</summary>
public sealed record KconfigEntry(string Name, KconfigValue Value, int Line);
