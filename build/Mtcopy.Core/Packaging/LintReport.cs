namespace Mtcopy.Core.Packaging;

/// <summary>What a linter said about one package: status, parsed findings and its raw output.</summary>
public sealed record LintReport(string Tool, string PackagePath, LintStatus Status, IReadOnlyList<LintFinding> Findings, IReadOnlyList<string> Output, string? Note = null)
{
    public IEnumerable<LintFinding> ErrorsAndWarnings => Findings.Where(f => f.IsErrorOrWarning);

    /// <summary>Passed, the summary line; failed, the offending lines too.</summary>
    public string Describe()
    {
        string head = $"{Tool} {Path.GetFileName(PackagePath)}: {Status}" + (Note is null ? string.Empty : $" ({Note})");
        if (Status != LintStatus.Failed)
        {
            return head;
        }

        IEnumerable<string> lines = ErrorsAndWarnings.Any() ? ErrorsAndWarnings.Select(f => f.Line) : Output;
        return head + string.Concat(lines.Select(l => "\n  " + l));
    }

    /// <summary>Status from the findings and the exit code: any E/W or a non-zero exit fails.</summary>
    public static LintReport FromRun(string tool, string packagePath, int exitCode, IReadOnlyList<string> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        IReadOnlyList<LintFinding> findings = LintOutputParser.Parse(output);
        bool failed = exitCode != 0 || findings.Any(f => f.IsErrorOrWarning);
        return new LintReport(tool, packagePath, failed ? LintStatus.Failed : LintStatus.Passed, findings, output,
            exitCode != 0 ? $"exit code {exitCode}" : null);
    }

    /// <summary>The linter is not installed: a package nobody linted is not lint clean, so this fails and says what to install.</summary>
    public static LintReport NotInstalled(string tool, string packagePath) =>
        new(tool, packagePath, LintStatus.Failed, [], [], $"{tool} not installed: the package was not linted; install {tool} (scripts/deps.sh does)");
}
