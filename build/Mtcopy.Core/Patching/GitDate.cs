using System.Globalization;

namespace Mtcopy.Core.Patching;

/// <summary>Formats dates for GIT_AUTHOR_DATE / GIT_COMMITTER_DATE.</summary>
public static class GitDate
{
    /// <summary>"@&lt;unix seconds&gt; +hhmm": git's raw format, keeping the original time zone.</summary>
    public static string Format(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"@{date.ToUnixTimeSeconds()} {sign}{abs.Hours:00}{abs.Minutes:00}");
    }
}
