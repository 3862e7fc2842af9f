namespace Mtcopy.Adapters.Tests.Sources;

/// <summary>A test that downloads from the network: skipped unless MTCOPY_NETWORK_TESTS=1.</summary>
internal sealed class NetworkFactAttribute : FactAttribute
{
    public const string Variable = "MTCOPY_NETWORK_TESTS";

    public NetworkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"Downloads ~150 MB with apt-get; set {Variable}=1 to run.";
        }
    }
}
