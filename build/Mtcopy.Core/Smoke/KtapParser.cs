using System.Globalization;

namespace Mtcopy.Core.Smoke;

/// <summary>
/// Parses KTAP version 1 (kernel Documentation/dev-tools/ktap.rst): version and plan lines,
/// <c>ok N name</c> / <c>not ok N name</c> with <c># SKIP</c> / <c># TODO</c> directives,
/// <c># diagnostic</c> lines, and nested subtest blocks indented by four more spaces that come
/// before their parent's result line. Lines that are none of these (console noise) are ignored.
/// <para>
/// Diagnostics that follow a "not ok" line belong to that test; other diagnostics belong to the
/// next result line at the same or a lower level (so an indented diagnostic printed just before
/// a parent line belongs to the parent). A plan that promised more results than came, and output
/// that ends inside a subtest block, become failures that say where the output stopped.
/// </para>
/// </summary>
public static class KtapParser
{
    public static KtapDocument Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var state = new State();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            state.Read(KtapLine.Classify(lines[i]), i + 1);
        }

        return state.Finish();
    }

    private sealed class State
    {
        private readonly KtapBlock _root = new(0);
        private readonly List<KtapBlock> _stack;
        private readonly List<string> _problems = [];
        private int _lastLine;
        private string _lastText = string.Empty;

        public State() => _stack = [_root];

        private KtapBlock Top => _stack[^1];

        public void Read(KtapLine line, int number)
        {
            if (line.Kind == KtapLineKind.Noise)
            {
                return;
            }

            if (line.Kind == KtapLineKind.Diagnostic && line.Text.StartsWith("Subtest:", StringComparison.Ordinal))
            {
                return;
            }

            _lastLine = number;
            _lastText = line.Text.Length == 0 ? "#" : (line.Kind == KtapLineKind.Diagnostic ? "# " : string.Empty) + line.Text;
            while (_stack.Count > 1 && line.Indent < Top.Indent)
            {
                Close($"a subtest block ended at line {number} without a result line");
            }

            if (line.Indent > Top.Indent)
            {
                Top.LastNotOk = null;
                _stack.Add(new KtapBlock(line.Indent));
            }

            KtapBlock block = Top;
            switch (line.Kind)
            {
                case KtapLineKind.Version:
                    ReadVersion(block, line, number);
                    break;
                case KtapLineKind.Plan:
                    block.Plan ??= line.Number;
                    block.LastNotOk = null;
                    break;
                case KtapLineKind.Result:
                    AddResult(block, line, number);
                    break;
                case KtapLineKind.Diagnostic:
                    (block.LastNotOk?.Diagnostics ?? block.PendingDiagnostics).Add(line.Text);
                    break;
                case KtapLineKind.BailOut:
                    _problems.Add($"line {number}: {line.Text}");
                    break;
                default:
                    break;
            }
        }

        private void ReadVersion(KtapBlock block, KtapLine line, int number)
        {
            if (block.IsStructured && block != _root)
            {
                // A new subtest block at the same indentation: the previous one had no parent line.
                Close($"a subtest block ended at line {number} without a result line");
                _stack.Add(new KtapBlock(line.Indent));
                block = Top;
            }
            else if (block.Version is not null)
            {
                _problems.Add($"line {number}: a second version line '{line.Text}' at the top level");
            }

            block.Version ??= line.Number;
            block.LastNotOk = null;
        }

        public KtapDocument Finish()
        {
            string where = _lastLine == 0
                ? "the output is empty"
                : $"the output stops after line {_lastLine}: '{_lastText}'";
            bool unfinished = _stack.Count > 1 || _root.PendingChild is not null;
            while (_stack.Count > 1)
            {
                Close($"{where}, inside this subtest block");
            }

            if (_root.PendingChild is { } last)
            {
                _root.PendingChild = null;
                _root.Results.Add(Unfinished(_root, last, $"{where}, inside this subtest block"));
            }

            int got = _root.RealResults;
            bool empty = _root.Version is null && _root.Plan is null && _root.Results.Count == 0;
            var problems = new List<string>();
            if (empty)
            {
                problems.Add("no KTAP output" + (_lastLine == 0 ? string.Empty : $" (the last line read is line {_lastLine}: '{_lastText}')"));
            }
            else
            {
                if (_root.Version is null)
                {
                    problems.Add("no 'KTAP version 1' line");
                }

                if (_root.Plan is not { } planned)
                {
                    problems.Add($"no plan line (1..N); got {got} results and {where}");
                }
                else if (got < planned)
                {
                    problems.Add($"planned {planned}, got {got}: {where}");
                }
                else if (got > planned)
                {
                    problems.Add($"planned {planned}, got {got}");
                }
            }

            problems.AddRange(_problems);
            return new KtapDocument
            {
                Version = _root.Version,
                Plan = _root.Plan,
                Tests = [.. _root.Results.Select(r => Freeze(r, null))],
                Diagnostics = [.. _root.PendingDiagnostics],
                Problems = problems,
                IsComplete = !empty && !unfinished && _root.Version is not null && _root.Plan is { } p && got >= p,
            };
        }

        private static void AddResult(KtapBlock block, KtapLine line, int number)
        {
            var test = new KtapTestBuilder(line.Name, line.Number, line.Ok, number)
            {
                Directive = line.Directive,
                DirectiveReason = line.DirectiveReason,
            };
            test.Diagnostics.AddRange(block.PendingDiagnostics);
            block.PendingDiagnostics.Clear();
            if (line.Comment is not null)
            {
                test.Diagnostics.Add(line.Comment);
            }

            if (block.PendingChild is { } child)
            {
                test.Children = child.Results;
                test.PlannedSubtests = child.Plan;
                block.PendingChild = null;
            }

            block.Results.Add(test);
            block.LastNotOk = line.Ok ? null : test;
        }

        // Pops the innermost block and hands it to its parent: as the subtests of the parent's
        // next result line, or, for a block of indented diagnostics, as that line's diagnostics.
        private void Close(string orphanNote)
        {
            KtapBlock block = Top;
            _stack.RemoveAt(_stack.Count - 1);
            KtapBlock parent = Top;
            parent.LastNotOk = null;
            if (!block.IsStructured)
            {
                parent.PendingDiagnostics.AddRange(block.PendingDiagnostics);
                return;
            }

            if (block.PendingChild is { } inner)
            {
                block.PendingChild = null;
                block.Results.Add(Unfinished(block, inner, orphanNote));
            }

            if (parent.PendingChild is { } orphan)
            {
                parent.Results.Add(Unfinished(parent, orphan, orphanNote));
            }

            parent.PendingDiagnostics.AddRange(block.PendingDiagnostics);
            block.PendingDiagnostics.Clear();
            parent.PendingChild = block;
        }

        private KtapTestBuilder Unfinished(KtapBlock parent, KtapBlock block, string note)
        {
            int number = parent.NextNumber;
            var test = new KtapTestBuilder(string.Create(CultureInfo.InvariantCulture, $"(unfinished test {number})"), number, false, _lastLine)
            {
                Unfinished = true,
                Children = block.Results,
                PlannedSubtests = block.Plan,
            };
            test.Diagnostics.AddRange(block.PendingDiagnostics);
            test.Diagnostics.Add(note);
            return test;
        }

        private static KtapTest Freeze(KtapTestBuilder builder, string? parentName)
        {
            string fullName = parentName is null ? builder.Name : parentName + "/" + builder.Name;
            List<KtapTest> children = [.. builder.Children.Select(c => Freeze(c, fullName))];
            var diagnostics = new List<string>(builder.Diagnostics);
            int real = children.Count(c => !c.Unfinished);
            int missing = builder.PlannedSubtests is { } planned ? planned - real : 0;
            if (missing > 0)
            {
                diagnostics.Add($"planned {builder.PlannedSubtests}, got {real}");
            }

            int failedChildren = children.Count(c => c.Status == KtapStatus.Fail);
            KtapStatus status;
            if (builder.Unfinished)
            {
                status = KtapStatus.Fail;
            }
            else if (builder.Directive == KtapDirective.Skip)
            {
                status = KtapStatus.Skip;
            }
            else if (builder.Directive == KtapDirective.Todo)
            {
                status = builder.Ok ? KtapStatus.Pass : KtapStatus.Skip;
            }
            else if (!builder.Ok || missing > 0)
            {
                status = KtapStatus.Fail;
            }
            else if (failedChildren > 0)
            {
                status = KtapStatus.Fail;
                diagnostics.Add($"reported ok, but {failedChildren} of its subtests failed");
            }
            else
            {
                status = KtapStatus.Pass;
            }

            return new KtapTest(builder.Name, fullName, builder.Number, status)
            {
                Directive = builder.Directive,
                DirectiveReason = builder.DirectiveReason,
                Diagnostics = diagnostics,
                Children = children,
                PlannedSubtests = builder.PlannedSubtests,
                Unfinished = builder.Unfinished,
                Line = builder.Line,
            };
        }
    }
}
