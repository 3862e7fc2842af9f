namespace Mtcopy.Core.Sources;

/// <summary>Reads apt's messages (run with LC_ALL=C).</summary>
public static class AptOutput
{
    public static AptDownloadFailure ClassifyDownloadFailure(string standardError)
    {
        ArgumentNullException.ThrowIfNull(standardError);
        if (standardError.Contains("Unable to locate package", StringComparison.Ordinal))
        {
            return AptDownloadFailure.PackageUnknown;
        }

        return standardError.Contains("E: Version '", StringComparison.Ordinal)
            && standardError.Contains("was not found", StringComparison.Ordinal)
            ? AptDownloadFailure.VersionNotFound
            : AptDownloadFailure.Other;
    }

    /// <summary>The "Candidate:" version from <c>apt-cache policy &lt;pkg&gt;</c>, or null when there is none.</summary>
    public static string? ParsePolicyCandidate(string standardOutput)
    {
        ArgumentNullException.ThrowIfNull(standardOutput);
        foreach (string line in standardOutput.Split('\n'))
        {
            string trimmed = line.Trim();
            if (trimmed.StartsWith("Candidate:", StringComparison.Ordinal))
            {
                string candidate = trimmed["Candidate:".Length..].Trim();
                return candidate.Length == 0 || candidate == "(none)" ? null : candidate;
            }
        }

        return null;
    }
}
