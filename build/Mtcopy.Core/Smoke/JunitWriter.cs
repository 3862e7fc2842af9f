using System.Globalization;
using System.Text;
using System.Xml;

namespace Mtcopy.Core.Smoke;

/// <summary>
/// Renders a KTAP tree as JUnit XML: one <c>testsuite</c> per top-level test holding that test
/// and all its subtests flattened as <c>parent/child</c>; failures carry the diagnostics, skips
/// their reason. A first suite, <c>ktap</c>, holds one case, <c>ktap/document</c>, that fails
/// when the report itself is incomplete or the guest failed outside the tests (timeout, panic).
/// The output is deterministic: same input, same bytes.
/// </summary>
public static class JunitWriter
{
    public const string DocumentSuite = "ktap";
    public const string DocumentCase = "ktap/document";

    /// <param name="suitesName">The <c>testsuites</c> name, e.g. the config name.</param>
    /// <param name="document">The parsed report.</param>
    /// <param name="guestFailure">Why the guest failed outside the tests (timeout, panic, qemu error), if it did.</param>
    public static string Write(string suitesName, KtapDocument document, string? guestFailure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(suitesName);
        ArgumentNullException.ThrowIfNull(document);
        var suites = new List<(string Name, List<Case> Cases)>
        {
            (DocumentSuite, [DocumentCaseOf(document, guestFailure)]),
        };
        foreach (KtapTest test in document.Tests)
        {
            suites.Add((test.Name, [.. test.SelfAndDescendants().Select(t => CaseOf(test.Name, t))]));
        }

        var buffer = new MemoryStream();
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", Clean(suitesName));
            WriteCounts(xml, suites.SelectMany(s => s.Cases).ToList());
            foreach ((string name, List<Case> cases) in suites)
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", Clean(name));
                WriteCounts(xml, cases);
                foreach (Case c in cases)
                {
                    WriteCase(xml, c);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static Case DocumentCaseOf(KtapDocument document, string? guestFailure)
    {
        var lines = new List<string>();
        if (guestFailure is not null)
        {
            lines.Add(guestFailure);
        }

        lines.AddRange(document.Problems);
        return lines.Count == 0
            ? new Case(DocumentSuite, DocumentCase, KtapStatus.Pass, string.Empty, document.Diagnostics)
            : new Case(DocumentSuite, DocumentCase, KtapStatus.Fail, lines[0], [.. lines, .. document.Diagnostics]);
    }

    private static Case CaseOf(string suite, KtapTest test)
    {
        string message = test.Status switch
        {
            KtapStatus.Fail => test.Diagnostics.Count > 0 ? test.Diagnostics[0] : "not ok",
            KtapStatus.Skip => test.DirectiveReason.Length > 0
                ? test.DirectiveReason
                : test.Directive == KtapDirective.Todo ? "TODO" : "SKIP",
            _ => string.Empty,
        };
        return new Case(suite, test.FullName, test.Status, message, test.Diagnostics);
    }

    private static void WriteCounts(XmlWriter xml, List<Case> cases)
    {
        xml.WriteAttributeString("tests", cases.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", cases.Count(c => c.Status == KtapStatus.Fail).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", cases.Count(c => c.Status == KtapStatus.Skip).ToString(CultureInfo.InvariantCulture));
    }

    private static void WriteCase(XmlWriter xml, Case c)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", Clean(c.Suite));
        xml.WriteAttributeString("name", Clean(c.Name));
        switch (c.Status)
        {
            case KtapStatus.Fail:
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", Clean(c.Message));
                xml.WriteAttributeString("type", "ktap");
                xml.WriteString(Clean(string.Join('\n', c.Diagnostics)));
                xml.WriteEndElement();
                break;
            case KtapStatus.Skip:
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", Clean(c.Message));
                xml.WriteEndElement();
                break;
            default:
                if (c.Diagnostics.Count > 0)
                {
                    xml.WriteElementString("system-out", Clean(string.Join('\n', c.Diagnostics)));
                }

                break;
        }

        xml.WriteEndElement();
    }

    // Characters XML 1.0 cannot hold (control characters from a noisy serial line) become U+FFFD.
    private static string Clean(string text)
    {
        var result = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Append(c).Append(text[++i]);
            }
            else
            {
                result.Append(XmlConvert.IsXmlChar(c) ? c : '\uFFFD');
            }
        }

        return result.ToString();
    }

    private sealed record Case(string Suite, string Name, KtapStatus Status, string Message, IReadOnlyList<string> Diagnostics);
}
