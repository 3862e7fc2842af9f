namespace Mtcopy.Adapters.Process;

/// <summary>The installed versions of Debian packages, from <c>dpkg-query</c>: one "name version" line each, "name absent" when not installed.</summary>
public static class InstalledVersions
{
    public static async Task<string> QueryAsync(IProcessRunner runner, IReadOnlyList<string> packages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(packages);
        var lines = new List<string>();
        var spec = new ProcessSpec("dpkg-query", ["-W", "-f=${Package} ${Version}\\n", .. packages])
        {
            OnLine = line =>
            {
                if (!line.StartsWith("dpkg-query:", StringComparison.Ordinal))
                {
                    lines.Add(line);
                }
            },
            ThrowOnNonZeroExit = false,
            Timeout = TimeSpan.FromMinutes(1),
        };
        try
        {
            await runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        }
        catch (ProcessStartException e)
        {
            return "dpkg-query did not start: " + e.Message;
        }

        var found = lines.Select(l => l.Split(' ', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        return string.Join("\n", packages.Select(p => p + " " + found.GetValueOrDefault(p, "absent")));
    }
}
