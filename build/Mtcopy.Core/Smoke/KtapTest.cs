namespace Mtcopy.Core.Smoke;

/// <summary>
/// One KTAP test result and its subtests. <see cref="FullName"/> joins the names from the top
/// level down with '/', e.g. <c>migrate/thp_x3_threads5_offload_on</c>.
/// </summary>
public sealed record KtapTest(string Name, string FullName, int Number, KtapStatus Status)
{
    public KtapDirective Directive { get; init; }

    /// <summary>The text after the directive word, e.g. the reason for a skip.</summary>
    public string DirectiveReason { get; init; } = string.Empty;

    /// <summary>Diagnostic lines (without the leading <c>#</c>) and notes added by the parser.</summary>
    public IReadOnlyList<string> Diagnostics { get; init; } = [];

    public IReadOnlyList<KtapTest> Children { get; init; } = [];

    /// <summary>The plan of the subtest block, when it had one.</summary>
    public int? PlannedSubtests { get; init; }

    /// <summary>
    /// True for a test the parser made up: the output ended inside its subtest block, before
    /// the result line that would have named it.
    /// </summary>
    public bool Unfinished { get; init; }

    /// <summary>1-based line of the result line (of the last line read, for an unfinished test).</summary>
    public int Line { get; init; }

    /// <summary>Subtests the plan promised but the output did not contain.</summary>
    public int MissingSubtests => PlannedSubtests is { } planned && planned > Children.Count(c => !c.Unfinished)
        ? planned - Children.Count(c => !c.Unfinished)
        : 0;

    /// <summary>This test and all its subtests, depth first, parents before children.</summary>
    public IEnumerable<KtapTest> SelfAndDescendants()
    {
        yield return this;
        foreach (KtapTest child in Children)
        {
            foreach (KtapTest test in child.SelfAndDescendants())
            {
                yield return test;
            }
        }
    }
}
