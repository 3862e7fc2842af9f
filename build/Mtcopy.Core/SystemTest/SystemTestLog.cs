using System.Globalization;
using System.Text;

namespace Mtcopy.Core.SystemTest;

/// <summary>
/// What the guest wrote on its report port, one text per boot: KTAP result lines numbered across boots,
/// <c># time STEP MS ms</c> before each result, and <c># next-boot: stock|mtcopy|done</c> last.
/// </summary>
public static class SystemTestLog
{
    public const string NextBootPrefix = "# next-boot: ";
    private const string TimePrefix = "# time ";

    /// <summary>What the boot asked for next; null when it did not say (the guest stopped before the end of its phase).</summary>
    public static NextBoot? NextBootOf(string bootOutput)
    {
        ArgumentNullException.ThrowIfNull(bootOutput);
        string? last = Lines(bootOutput).LastOrDefault(l => l.StartsWith(NextBootPrefix, StringComparison.Ordinal));
        return last?[NextBootPrefix.Length..].Trim() switch
        {
            "stock" => NextBoot.Stock,
            "mtcopy" => NextBoot.Mtcopy,
            "done" => NextBoot.Done,
            _ => null,
        };
    }

    /// <summary>
    /// One KTAP document over all boots: the version line, a plan of as many results as the boots reported, then
    /// their lines (the next-boot lines left out).
    /// </summary>
    public static string Ktap(IReadOnlyList<string> bootOutputs)
    {
        ArgumentNullException.ThrowIfNull(bootOutputs);
        List<string> lines = [.. bootOutputs.SelectMany(Lines).Where(l => !l.StartsWith(NextBootPrefix, StringComparison.Ordinal))];
        int results = lines.Count(l => l.StartsWith("ok ", StringComparison.Ordinal) || l.StartsWith("not ok ", StringComparison.Ordinal));
        var text = new StringBuilder();
        text.Append("KTAP version 1\n").Append(CultureInfo.InvariantCulture, $"1..{results}\n");
        foreach (string line in lines)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Each step's time, in the order the guest ran them.</summary>
    public static IReadOnlyList<SystemStepTime> Times(IReadOnlyList<string> bootOutputs)
    {
        ArgumentNullException.ThrowIfNull(bootOutputs);
        var times = new List<SystemStepTime>();
        foreach (string line in bootOutputs.SelectMany(Lines).Where(l => l.StartsWith(TimePrefix, StringComparison.Ordinal)))
        {
            string[] parts = line[TimePrefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3 && parts[2] == "ms" && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long ms))
            {
                times.Add(new SystemStepTime(parts[0], TimeSpan.FromMilliseconds(ms)));
            }
        }

        return times;
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Where(l => l.Length > 0);
}
