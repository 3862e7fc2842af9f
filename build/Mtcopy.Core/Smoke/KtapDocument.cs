namespace Mtcopy.Core.Smoke;

/// <summary>
/// A parsed KTAP report: the top-level tests (with their subtests), and the problems that make
/// the document itself a failure (no output, no plan, fewer results than planned, output that
/// ends inside a subtest block, "Bail out!").
/// </summary>
public sealed record KtapDocument
{
    /// <summary>The number on the "KTAP version N" (or "TAP version N") line; null when missing.</summary>
    public int? Version { get; init; }

    /// <summary>The top-level plan ("1..N"); null when missing.</summary>
    public int? Plan { get; init; }

    public IReadOnlyList<KtapTest> Tests { get; init; } = [];

    /// <summary>Top-level diagnostics not attached to any test (e.g. a closing summary line).</summary>
    public IReadOnlyList<string> Diagnostics { get; init; } = [];

    /// <summary>What is wrong with the document as a whole; each one is a failure.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>Version and plan present, as many top-level results as planned, no unfinished block.</summary>
    public bool IsComplete { get; init; }

    /// <summary>Complete, no problems and no failed test.</summary>
    public bool Passed => IsComplete && Problems.Count == 0 && !AllTests().Any(t => t.Status == KtapStatus.Fail);

    /// <summary>Every test, depth first.</summary>
    public IEnumerable<KtapTest> AllTests() => Tests.SelectMany(t => t.SelfAndDescendants());

    /// <summary>
    /// Full names of the failures that explain the verdict: a failed test is listed when none of
    /// its subtests failed, when subtests are missing, or when it is unfinished; a parent that
    /// failed only because a child did is not listed (the child is).
    /// </summary>
    public IReadOnlyList<string> FailedNames => [.. AllTests().Where(IsRootCause).Select(t => t.FullName)];

    private static bool IsRootCause(KtapTest test) =>
        test.Status == KtapStatus.Fail
        && (test.Unfinished || test.MissingSubtests > 0 || !test.Children.Any(c => c.Status == KtapStatus.Fail));
}
