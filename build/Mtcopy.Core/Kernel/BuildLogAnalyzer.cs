using System.Text.RegularExpressions;

namespace Mtcopy.Core.Kernel;

/// <summary>
/// Finds the first real error in a make / gcc / ld / modpost / Kconfig log. A compiler, linker,
/// modpost, Kconfig or tool error wins over the <c>make[N]: *** [...] Error N</c> lines that
/// follow it; those are reported only when nothing better is found.
/// </summary>
public static partial class BuildLogAnalyzer
{
    public const int DefaultContextBefore = 3;
    public const int DefaultContextAfter = 5;

    /// <summary>The first error with its context, or null when the log has no recognisable error.</summary>
    public static BuildErrorSummary? FindFirstError(
        IReadOnlyList<string> lines,
        int contextBefore = DefaultContextBefore,
        int contextAfter = DefaultContextAfter)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentOutOfRangeException.ThrowIfNegative(contextBefore);
        ArgumentOutOfRangeException.ThrowIfNegative(contextAfter);

        var clean = lines.Select(l => AnsiEscape().Replace(l, string.Empty).TrimEnd('\r')).ToList();
        int recipeIndex = -1;
        for (int i = 0; i < clean.Count; i++)
        {
            BuildErrorKind? kind = Classify(clean[i]);
            if (kind == BuildErrorKind.MakeRecipe)
            {
                if (recipeIndex < 0)
                {
                    recipeIndex = i;
                }
            }
            else if (kind is { } real)
            {
                return Summarize(clean, i, real, contextBefore, contextAfter);
            }
        }

        return recipeIndex >= 0
            ? Summarize(clean, recipeIndex, BuildErrorKind.MakeRecipe, contextBefore, contextAfter)
            : null;
    }

    /// <summary>Splits log text into lines and calls <see cref="FindFirstError(IReadOnlyList{string}, int, int)"/>.</summary>
    public static BuildErrorSummary? FindFirstError(string logText)
    {
        ArgumentNullException.ThrowIfNull(logText);
        return FindFirstError(logText.Split('\n'));
    }

    /// <summary>The kind of error a single line reports, or null for an ordinary line.</summary>
    public static BuildErrorKind? Classify(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (MakeLine().IsMatch(line))
        {
            return MakeRecipeFailure().IsMatch(line)
                || line.Contains("Waiting for unfinished jobs", StringComparison.Ordinal)
                || line.Contains("Deleting file", StringComparison.Ordinal)
                ? BuildErrorKind.MakeRecipe
                : BuildErrorKind.Make;
        }

        if (CompilerError().IsMatch(line))
        {
            return BuildErrorKind.Compiler;
        }

        if (LinkerError().IsMatch(line))
        {
            return BuildErrorKind.Linker;
        }

        if (ModpostError().IsMatch(line))
        {
            return BuildErrorKind.Modpost;
        }

        if (KconfigError().IsMatch(line))
        {
            return BuildErrorKind.Kconfig;
        }

        if (ToolError().IsMatch(line))
        {
            return BuildErrorKind.Tool;
        }

        return MakefileError().IsMatch(line) ? BuildErrorKind.Make : null;
    }

    private static BuildErrorSummary Summarize(List<string> lines, int index, BuildErrorKind kind, int before, int after)
    {
        int start = Math.Max(0, index - before);
        int end = Math.Min(lines.Count - 1, index + after);
        while (end > index && string.IsNullOrWhiteSpace(lines[end]))
        {
            end--;
        }

        return new BuildErrorSummary(kind, lines[index], index + 1, start + 1, lines.GetRange(start, end - start + 1));
    }

    [GeneratedRegex(@"\x1b\[[0-9;]*[A-Za-z]")]
    private static partial Regex AnsiEscape();

    // make: *** ...   make[2]: *** ...   /usr/bin/make -f x: *** ...
    [GeneratedRegex(@"^\S*make(\[\d+\])?(:| -f \S+:) \*\*\* ")]
    private static partial Regex MakeLine();

    [GeneratedRegex(@"\] Error \d+$|\bError \d+( \(ignored\))?$")]
    private static partial Regex MakeRecipeFailure();

    // mm/migrate.c:12:5: error: ...   foo.h:3: fatal error: ...   cc1: error: ...   gcc: fatal error: ...
    // arch/x86/entry.S:12: Error: ...   (GNU as)
    [GeneratedRegex(@"^[^\s:][^:]*:\d+(:\d+)?: (fatal error|error|Error): |^(\S*-)?(cc1\w*|gcc|g\+\+|cc|clang|as)(-\d+)?: (fatal )?error: ")]
    private static partial Regex CompilerError();

    [GeneratedRegex(@"undefined reference to |: multiple definition of |relocation truncated to fit|^(\S*/)?(\S+-)?ld(\.\w+)?: .*(error|cannot find|undefined)")]
    private static partial Regex LinkerError();

    [GeneratedRegex(@"^(ERROR|FATAL): modpost: ")]
    private static partial Regex ModpostError();

    // Kconfig / kbuild messages such as "*** Configuration file ".config" not found!" and
    // Kconfig syntax errors "arch/x86/Kconfig:12: syntax error".
    [GeneratedRegex(@"^\*\*\* \S|^\S*Kconfig[\w.-]*:\d+: (syntax error|error)")]
    private static partial Regex KconfigError();

    // /bin/sh: 1: flex: not found, bash: bc: command not found, vmlinux.o: error: objtool: ..., error: ...
    [GeneratedRegex(@"^(\S*/)?(ba|da)?sh: (\d+: )?.*(: not found|: command not found)$|^\S+: error: |^error: |^(\S*/)?objtool: .*error")]
    private static partial Regex ToolError();

    // Makefile:12: *** missing separator.  Stop.
    [GeneratedRegex(@"^\S+:\d+: \*\*\* ")]
    private static partial Regex MakefileError();
}
