using Mtcopy.Core.Packaging;

namespace Mtcopy.Core.Report;

/// <summary>report.html's template, rendered with the packaging templates' strict settings (<see cref="StrictTemplateRenderer"/>).</summary>
public static class ReportTemplate
{
    public const string RelativePath = "templates/report/report.html.sbn";

    public const string FileName = "report.html";

    /// <summary>Renders the page from the template's text (read by the caller).</summary>
    /// <exception cref="TemplateException">The template does not parse or names a value the model does not have.</exception>
    public static string Render(string templateText, ReportPage page) => StrictTemplateRenderer.Render(templateText, RelativePath, page);
}
