using System.Runtime.CompilerServices;

namespace Mtcopy.Core.Tests.Bench;

/// <summary>Input and expected files kept next to the tests in Bench/Fixtures.</summary>
internal static class BenchFixtures
{
    public static string PathOf(string name) => Path.Combine(Directory(), "Fixtures", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    private static string Directory([CallerFilePath] string here = "") => Path.GetDirectoryName(here)!;
}
