using Mtcopy.Core.Smoke;

namespace Mtcopy.Core.Tests.Smoke;

public sealed class JunitWriterTests
{
    [Fact]
    public void Golden_junit()
    {
        KtapDocument document = KtapParser.Parse(SmokeFixtures.Read("junit-input.ktap"));

        string xml = JunitWriter.Write("smoke-tiny", document);

        string expectedPath = SmokeFixtures.PathOf("junit-expected.xml");
        if (Environment.GetEnvironmentVariable("MTCOPY_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(expectedPath, xml);
        }

        Assert.Equal(File.ReadAllText(expectedPath), xml);
    }

    [Fact]
    public void Same_document_same_bytes()
    {
        KtapDocument document = KtapParser.Parse(SmokeFixtures.Read("guest-pass.ktap"));

        Assert.Equal(JunitWriter.Write("x", document), JunitWriter.Write("x", KtapParser.Parse(SmokeFixtures.Read("guest-pass.ktap"))));
    }

    [Fact]
    public void Passing_report_has_no_failures_and_one_case_per_test()
    {
        string xml = JunitWriter.Write("smoke-tiny", KtapParser.Parse(SmokeFixtures.Read("guest-pass.ktap")));

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<testsuites name=\"smoke-tiny\" tests=\"134\" failures=\"0\" errors=\"0\" skipped=\"0\">", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<failure", xml, StringComparison.Ordinal);
        Assert.Contains("<testcase classname=\"migrate\" name=\"migrate/thp_x3_threads8_offload_on\" />", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Guest_failure_fails_the_document_case_and_control_characters_are_replaced()
    {
        KtapDocument document = KtapParser.Parse("KTAP version 1\n1..1\nnot ok 1 a\n# bad \u0001 byte\n");

        string xml = JunitWriter.Write("s", document, "the kernel panicked: Kernel panic - not syncing: Fatal exception");

        Assert.Contains(
            "<testcase classname=\"ktap\" name=\"ktap/document\">\n      <failure message=\"the kernel panicked: Kernel panic - not syncing: Fatal exception\" type=\"ktap\">",
            xml, StringComparison.Ordinal);
        Assert.Contains("bad \uFFFD byte", xml, StringComparison.Ordinal);
        var parsed = System.Xml.Linq.XDocument.Parse(xml);
        Assert.Equal("2", parsed.Root!.Attribute("failures")!.Value);
    }
}
