using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Tests.Fixtures;

namespace Mtcopy.Adapters.Tests.Process;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ProgramPathTests
{
    [Fact]
    public void The_first_executable_on_the_path_wins_and_plain_files_and_relative_directories_do_not_count()
    {
        using var temp = new TempDirectory();
        string plain = Directory.CreateDirectory(temp.Combine("plain")).FullName;
        string first = Directory.CreateDirectory(temp.Combine("first")).FullName;
        string second = Directory.CreateDirectory(temp.Combine("second")).FullName;
        File.WriteAllText(Path.Combine(plain, "tool"), "");
        foreach (string dir in new[] { first, second })
        {
            File.WriteAllText(Path.Combine(dir, "tool"), "#!/bin/sh\n");
            File.SetUnixFileMode(Path.Combine(dir, "tool"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        Assert.Equal(Path.Combine(first, "tool"), ProgramPath.Find("tool", $"relative:{plain}:{first}:{second}"));
        Assert.Null(ProgramPath.Find("tool", plain));
        Assert.Null(ProgramPath.Find("tool", null));
    }
}
