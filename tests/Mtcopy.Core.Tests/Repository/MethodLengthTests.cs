using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mtcopy.Core.Tests.Repository;

/// <summary>
/// No method in build/ is longer than <see cref="Limit"/> lines (issue 13). The methods still over it are
/// listed in <see cref="StillLong"/> with their length today: one may shrink but not grow, and one that
/// is short enough must leave the list, so the list only ever gets shorter until it is empty.
/// </summary>
public sealed class MethodLengthTests
{
    public const int Limit = 60;

    /// <summary>"file:method" (path under build/) and its length in lines when it was listed.</summary>
    private static readonly Dictionary<string, int> StillLong = new(StringComparer.Ordinal)
    {
    };

    [Fact]
    public void No_method_in_build_is_longer_than_the_limit_unless_listed_and_none_grows()
    {
        List<MethodLength> methods = MethodLengths(RepoFiles.PathOf("build"));
        Assert.True(methods.Count > 500, $"only {methods.Count} methods read under build/: the walk found no sources");

        var problems = new List<string>();
        foreach (MethodLength m in methods.Where(m => m.Lines > Limit))
        {
            if (!StillLong.TryGetValue(m.Key, out int listed))
            {
                problems.Add($"{m.Key} (line {m.Line}) is {m.Lines} lines, over {Limit}: split it by meaning");
            }
            else if (m.Lines > listed)
            {
                problems.Add($"{m.Key} grew from {listed} to {m.Lines} lines: it must shrink, not grow");
            }
        }

        foreach ((string key, int listed) in StillLong)
        {
            if (!methods.Any(m => m.Key == key && m.Lines > Limit))
            {
                problems.Add($"{key} (listed at {listed} lines) is gone or now within {Limit} lines: take it off StillLong");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void The_measure_counts_a_method_from_its_signature_to_its_closing_brace()
    {
        string source = "class C\n{\n    void M()\n    {\n        int a = 1;\n    }\n\n    int N() => 1;\n}\n";
        List<MethodLength> methods = Measure("x.cs", source);

        Assert.Equal([("x.cs:M", 4), ("x.cs:N", 1)], methods.Select(m => (m.Key, m.Lines)).ToArray());
    }

    private static List<MethodLength> MethodLengths(string root) =>
        [.. Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => Measure(Path.GetRelativePath(root, f), File.ReadAllText(f)))];

    private static List<MethodLength> Measure(string relativePath, string source) =>
        [.. CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes()
            .Where(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax)
            .Select(n => Of(relativePath, n))];

    private static MethodLength Of(string relativePath, SyntaxNode node)
    {
        FileLinePositionSpan span = node.GetLocation().GetLineSpan();
        string name = node switch
        {
            MethodDeclarationSyntax method => method.Identifier.Text,
            ConstructorDeclarationSyntax constructor => constructor.Identifier.Text + ".ctor",
            LocalFunctionStatementSyntax local => local.Identifier.Text,
            _ => node.Kind().ToString(),
        };
        return new MethodLength($"{relativePath}:{name}", span.StartLinePosition.Line + 1,
            span.EndLinePosition.Line - span.StartLinePosition.Line + 1);
    }

    private sealed record MethodLength(string Key, int Line, int Lines);
}
