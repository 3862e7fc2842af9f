namespace Mtcopy.Adapters.Process;

/// <summary>Where a program is found on a PATH, as a shell would find it.</summary>
public static class ProgramPath
{
    /// <summary>The first executable file named <paramref name="program"/> in the directories of <paramref name="path"/>, or null.</summary>
    public static string? Find(string program, string? path)
    {
        ArgumentException.ThrowIfNullOrEmpty(program);
        return (path ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Where(Path.IsPathFullyQualified)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(IsExecutableFile);
    }

    private static bool IsExecutableFile(string file) =>
        File.Exists(file)
        && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
