namespace Mtcopy.Core.Results;

/// <summary>POSIX shell quoting for showing a command line that can be pasted back into a shell.</summary>
public static class ShellQuoting
{
    public static string Quote(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        bool safe = argument.Length > 0
            && argument.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ':' or '=' or '@' or '%' or '+' or ',');
        return safe ? argument : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    public static string Join(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return string.Join(' ', arguments.Select(Quote));
    }
}
