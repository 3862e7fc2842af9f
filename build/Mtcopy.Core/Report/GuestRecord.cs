namespace Mtcopy.Core.Report;

/// <summary>One config's guest run as the files hold it: the KTAP text and the console (null when a file is missing).</summary>
/// <param name="Config">The config name, e.g. smoke or debug.</param>
/// <param name="KtapText">smoke/&lt;config&gt;/ktap.txt.</param>
/// <param name="ConsoleText">smoke/&lt;config&gt;/console.log.</param>
public sealed record GuestRecord(string Config, string? KtapText, string? ConsoleText);
