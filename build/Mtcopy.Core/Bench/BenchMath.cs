namespace Mtcopy.Core.Bench;

/// <summary>The little arithmetic a benchmark report needs: medians and ratios that refuse nonsense.</summary>
public static class BenchMath
{
    /// <summary>The median: the middle sample, or the mean of the two middle ones for an even count.</summary>
    /// <exception cref="ArgumentException">No samples, or a sample that is not a finite number.</exception>
    public static double Median(IReadOnlyCollection<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("A median needs at least one sample.", nameof(samples));
        }

        if (samples.Any(s => !double.IsFinite(s)))
        {
            throw new ArgumentException("Every sample must be a finite number.", nameof(samples));
        }

        double[] sorted = [.. samples.Order()];
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary><paramref name="numerator"/> / <paramref name="denominator"/>; null when either is missing, not finite, or the denominator is not positive.</summary>
    public static double? Ratio(double? numerator, double? denominator) =>
        numerator is { } n && denominator is { } d && double.IsFinite(n) && double.IsFinite(d) && d > 0
            ? n / d
            : null;
}
