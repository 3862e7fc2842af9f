namespace Mtcopy.Core.Smoke;

/// <summary>A test result while the parser builds the tree; frozen into a <see cref="KtapTest"/>.</summary>
internal sealed class KtapTestBuilder(string name, int number, bool ok, int line)
{
    public string Name { get; } = name;

    public int Number { get; } = number;

    public bool Ok { get; } = ok;

    public int Line { get; } = line;

    public KtapDirective Directive { get; init; }

    public string DirectiveReason { get; init; } = string.Empty;

    public bool Unfinished { get; init; }

    public List<string> Diagnostics { get; } = [];

    public List<KtapTestBuilder> Children { get; set; } = [];

    public int? PlannedSubtests { get; set; }
}

/// <summary>
/// The tests at one indentation level: its plan, its results so far, the subtest block that
/// closed and waits for its parent's result line, and the diagnostics waiting for the next
/// result line (or attached to the last "not ok" one).
/// </summary>
internal sealed class KtapBlock(int indent)
{
    public int Indent { get; } = indent;

    public int? Version { get; set; }

    public int? Plan { get; set; }

    public List<KtapTestBuilder> Results { get; } = [];

    public KtapBlock? PendingChild { get; set; }

    public List<string> PendingDiagnostics { get; } = [];

    /// <summary>The last result line when it was "not ok": diagnostics that follow belong to it.</summary>
    public KtapTestBuilder? LastNotOk { get; set; }

    /// <summary>False for a block that only holds indented diagnostics.</summary>
    public bool IsStructured => Version is not null || Plan is not null || Results.Count > 0 || PendingChild is not null;

    public int RealResults => Results.Count(r => !r.Unfinished);

    public int NextNumber => Results.Count == 0 ? 1 : Results[^1].Number + 1;
}
