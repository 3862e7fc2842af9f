using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Mtcopy.Core.Packaging;

/// <summary>
/// Renders Scriban templates strictly: a parse error or a name the model does not have is a
/// <see cref="TemplateException"/> naming the template file, line and column, never an empty
/// string in the output. The model's .NET members are exposed in snake_case
/// (<c>ModuleName</c> is <c>module_name</c>); <c>include</c> is not available.
/// </summary>
public static class StrictTemplateRenderer
{
    private const int LoopLimit = 10_000;

    /// <param name="text">The template source.</param>
    /// <param name="templatePath">Where the template came from, for messages (e.g. templates/dkms/dkms.conf.sbn).</param>
    /// <param name="model">A .NET object whose public properties become the template's variables.</param>
    /// <exception cref="TemplateException">The template does not parse or fails to render.</exception>
    public static string Render(string text, string templatePath, object model)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(templatePath);
        ArgumentNullException.ThrowIfNull(model);

        Template template = Template.Parse(text, templatePath);
        if (template.HasErrors)
        {
            LogMessage error = template.Messages.FirstOrDefault(m => m.Type == ParserMessageType.Error) ?? template.Messages[0];
            throw new TemplateException(templatePath, error.Span.Start.Line + 1, error.Span.Start.Column + 1,
                $"template syntax error: {error.Message}");
        }

        var globals = new ScriptObject();
        globals.Import(model, renamer: StandardMemberRenamer.Default);
        var context = new TemplateContext
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            EnableRelaxedTargetAccess = false,
            EnableRelaxedIndexerAccess = false,
            EnableRelaxedFunctionAccess = false,
            MemberRenamer = StandardMemberRenamer.Default,
            LoopLimit = LoopLimit,
            NewLine = "\n",
        };
        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            SourceSpan span = e.Span;
            throw new TemplateException(templatePath, span.Start.Line + 1, span.Start.Column + 1,
                $"template error: {e.OriginalMessage}", e);
        }
    }
}
