namespace Mtcopy.Adapters.Tests.Fixtures;

/// <summary>A set gate never skips, whatever its spelling; a missing input of a gated test fails, naming both variables.</summary>
public sealed class TestGateTests
{
    private const string Gate = "MTCOPY_TEST_GATE_PROBE";

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("yes", true)]
    [InlineData("0", false)]
    [InlineData("", false)]
    public void A_gate_is_open_when_set_to_anything_but_empty_or_0(string value, bool open)
    {
        Environment.SetEnvironmentVariable(Gate, value);
        try
        {
            Assert.Equal(open, TestGate.IsOpen(Gate));
            Assert.Equal(open, TestGate.SkipUnless(Gate, "closed") is null);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Gate, null);
        }
    }

    [Fact]
    public void A_missing_input_of_an_open_gate_fails_and_names_both()
    {
        var e = Assert.Throws<InvalidOperationException>(() => TestGate.Required(Gate + "_INPUT", Gate));

        Assert.Equal($"{Gate} is set, so this test must run, but {Gate}_INPUT is not set: give it (see the test's attribute), or unset {Gate}.", e.Message);
    }
}
