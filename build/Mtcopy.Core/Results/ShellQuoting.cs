namespace Mtcopy.Core.Results;

/// <summary>POSIX shell quoting for showing a command line that can be pasted back into a shell.</summary>
public static class ShellQuoting
{
    public static string Quote(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        bool safe = argument.Length > 0 && argument.Select((c, i) => IsPlain(c) || IsLiteralTilde(argument, i)).All(plain => plain);
        return safe ? argument : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    public static string Join(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return string.Join(' ', arguments.Select(Quote));
    }

    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ':' or '=' or '@' or '%' or '+' or ',';

    /// <summary>A '~' a shell leaves alone: not at the start of the word and not after '=' or ':' (as in Debian's 6.12.117-1~deb12u1).</summary>
    private static bool IsLiteralTilde(string argument, int index) =>
        argument[index] == '~' && index > 0 && argument[index - 1] is not ('=' or ':');
}
