namespace Mtcopy.Core.Packaging;

/// <summary>
/// A template did not parse or failed while rendering (e.g. it names a variable the model
/// does not have). The message starts with <c>file:line:column:</c>.
/// </summary>
public sealed class TemplateException : UserErrorException
{
    public TemplateException() { }

    public TemplateException(string message) : base(message) { }

    public TemplateException(string message, Exception inner) : base(message, inner) { }

    public TemplateException(string templatePath, int line, int column, string problem, Exception? inner = null)
        : base($"{templatePath}:{line}:{column}: {problem}", inner!)
    {
        TemplatePath = templatePath;
        Line = line;
        Column = column;
    }

    public string TemplatePath { get; } = string.Empty;

    /// <summary>1-based.</summary>
    public int Line { get; }

    /// <summary>1-based.</summary>
    public int Column { get; }
}
