using System.Globalization;
using Mtcopy.Adapters.Smoke;
using Mtcopy.Core.Bench;

namespace Mtcopy.Adapters.Bench;

/// <summary>
/// Boots the smoke guest once with <c>mtcopy.bench=N</c> on the kernel command line: its init then runs
/// <c>mtcopy-test bench N</c> after the usual checks, and the throughput lines come back on the KTAP port.
/// </summary>
public sealed class GuestBenchmark(IGuestRunner guest)
{
    /// <summary>Moves per kind and mode; the guest reports their median. At least 7, so one slow move cannot be the median's neighbour on both sides.</summary>
    public const int DefaultRepetitions = 7;

    /// <summary>TCG is slow and the benchmark moves every kind of page N times in nine modes (off, on with 1..8 threads).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    /// <param name="request">The smoke guest's request; its kernel arguments get <c>mtcopy.bench=N</c> added.</param>
    /// <exception cref="FormatException">The guest printed a malformed benchmark line.</exception>
    public async Task<GuestBenchResult> RunAsync(GuestRunRequest request, int repetitions = DefaultRepetitions, Action<string>? onLine = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        GuestRunRequest bench = request with
        {
            ExtraKernelArgs = [.. request.ExtraKernelArgs, BenchArgument(repetitions)],
        };
        GuestRunResult result = await guest.RunAsync(bench, onLine, cancellationToken).ConfigureAwait(false);
        string ktap = File.Exists(result.KtapPath) ? await File.ReadAllTextAsync(result.KtapPath, cancellationToken).ConfigureAwait(false) : "";
        GuestThroughput table = GuestThroughput.From(GuestBenchParser.Parse(ktap), repetitions);
        return new GuestBenchResult(table, result.Report.Passed, result.Report.Summary, result.KtapPath, result.ConsolePath);
    }

    public static string BenchArgument(int repetitions) =>
        "mtcopy.bench=" + repetitions.ToString(CultureInfo.InvariantCulture);
}
