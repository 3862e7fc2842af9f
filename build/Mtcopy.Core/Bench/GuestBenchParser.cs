using System.Globalization;
using System.Text.RegularExpressions;

namespace Mtcopy.Core.Bench;

/// <summary>
/// Reads the benchmark lines of tests/guest/mtcopy-test.c (<c>mtcopy-test bench REPS</c>) out of the
/// KTAP or console text around them:
/// <code>
///     # bench 4k off_t1 0.206 GB/s
///     # bench 4k on_t1 0.190 GB/s
///     # bench 4k ratio on_t1/off_t1 0.92 on_t2/off_t2 0.50
/// </code>
/// Every other line is ignored. A kind and mode measured twice is an error: which one would count?
/// </summary>
public static partial class GuestBenchParser
{
    /// <exception cref="FormatException">A bench line is malformed or repeats a measurement; the message names the line.</exception>
    public static GuestBenchLog Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var samples = new List<GuestBenchSample>();
        var ratios = new List<GuestBenchRatio>();
        string[] lines = text.ReplaceLineEndings("\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            Match bench = BenchLine().Match(lines[i]);
            if (!bench.Success)
            {
                continue;
            }

            string kind = bench.Groups["kind"].Value;
            string rest = bench.Groups["rest"].Value.Trim();
            if (Throughput().Match(rest) is { Success: true } t)
            {
                string mode = t.Groups["mode"].Value;
                if (samples.Any(s => s.Kind == kind && s.Mode == mode))
                {
                    throw new FormatException($"line {i + 1}: '{kind} {mode}' is measured a second time: \"{lines[i].Trim()}\".");
                }

                samples.Add(new GuestBenchSample(kind, mode, Number(t.Groups["value"].Value)));
            }
            else if (rest.StartsWith("ratio", StringComparison.Ordinal))
            {
                MatchCollection pairs = RatioPair().Matches(rest["ratio".Length..]);
                if (pairs.Count == 0)
                {
                    throw new FormatException($"line {i + 1}: a ratio line without 'mode/off value' pairs: \"{lines[i].Trim()}\".");
                }

                ratios.AddRange(pairs.Select(p => new GuestBenchRatio(kind, p.Groups["mode"].Value, Number(p.Groups["value"].Value))));
            }
            else
            {
                throw new FormatException($"line {i + 1}: not a throughput (\"# bench KIND MODE X GB/s\") or ratio line: \"{lines[i].Trim()}\".");
            }
        }

        return new GuestBenchLog(samples, ratios);
    }

    // printf("%.3f") prints "nan", "-nan" or "inf" when the guest divided by zero: not a number we can use.
    private static double Number(string text) => text.TrimStart('-') switch
    {
        "nan" => double.NaN,
        "inf" => text.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"^\s*#\s*bench\s+(?<kind>[A-Za-z0-9_]+)\s+(?<rest>.*)$")]
    private static partial Regex BenchLine();

    [GeneratedRegex(@"^(?<mode>[A-Za-z0-9_]+)\s+(?<value>-?(?:[0-9]+(?:\.[0-9]*)?|nan|inf))\s+GB/s$")]
    private static partial Regex Throughput();

    [GeneratedRegex(@"(?<mode>[A-Za-z0-9_]+)/off[A-Za-z0-9_]*\s+(?<value>-?(?:[0-9]+(?:\.[0-9]*)?|nan|inf))")]
    private static partial Regex RatioPair();
}
