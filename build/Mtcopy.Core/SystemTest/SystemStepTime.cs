namespace Mtcopy.Core.SystemTest;

/// <summary>How long one guest step took, as the guest measured it.</summary>
public sealed record SystemStepTime(string Step, TimeSpan Duration);
