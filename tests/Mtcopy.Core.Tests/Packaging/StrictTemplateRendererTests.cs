using Mtcopy.Core;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Core.Tests.Packaging;

public sealed class StrictTemplateRendererTests
{
    private sealed record Inner(string Spdx);

    private sealed record Model(string ModuleName, string? Homepage, Inner License, IReadOnlyList<string> Lines);

    private static readonly Model Sample = new("mtcopy", null, new Inner("GPL-2.0-only"), ["a", "b"]);

    [Fact]
    public void Exposes_members_in_snake_case_and_nested_members_too()
    {
        string text = StrictTemplateRenderer.Render(
            "{{ module_name }} {{ license.spdx }}{{ for l in lines }} {{ l }}{{ end }}", "t.sbn", Sample);

        Assert.Equal("mtcopy GPL-2.0-only a b", text);
    }

    [Fact]
    public void A_null_member_is_known_and_false()
    {
        string text = StrictTemplateRenderer.Render("[{{ if homepage }}has{{ else }}none{{ end }}]", "t.sbn", Sample);

        Assert.Equal("[none]", text);
    }

    [Fact]
    public void A_syntax_error_names_the_file_line_and_column()
    {
        const string template = "line one\nline two {{ module_name }}\nline three {{ if }}\n";

        var e = Assert.Throws<TemplateException>(() => StrictTemplateRenderer.Render(template, "packaging/deb/control.sbn", Sample));

        Assert.IsAssignableFrom<UserErrorException>(e);
        Assert.Equal("packaging/deb/control.sbn", e.TemplatePath);
        Assert.Equal(3, e.Line);
        Assert.StartsWith("packaging/deb/control.sbn:3:", e.Message, StringComparison.Ordinal);
        Assert.Contains("syntax error", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_block_is_a_syntax_error()
    {
        var e = Assert.Throws<TemplateException>(() => StrictTemplateRenderer.Render("a\n{{ if homepage }}\nb\n", "x.sbn", Sample));

        Assert.StartsWith("x.sbn:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_variable_names_the_file_line_column_and_variable()
    {
        const string template = "PACKAGE_NAME=\"{{ module_name }}\"\nPACKAGE_VERSION=\"{{ modul_version }}\"\n";

        var e = Assert.Throws<TemplateException>(() => StrictTemplateRenderer.Render(template, "templates/dkms/dkms.conf.sbn", Sample));

        Assert.Equal(2, e.Line);
        Assert.Equal(21, e.Column);
        Assert.StartsWith("templates/dkms/dkms.conf.sbn:2:21: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("modul_version", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_member_of_a_nested_object_fails()
    {
        var e = Assert.Throws<TemplateException>(() => StrictTemplateRenderer.Render("x\n{{ license.dep5 }}", "c.sbn", Sample));

        Assert.Equal(2, e.Line);
        Assert.Contains("dep5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_of_null_fails_instead_of_rendering_empty()
    {
        Assert.Throws<TemplateException>(() => StrictTemplateRenderer.Render("{{ homepage.host }}", "c.sbn", Sample));
    }

    [Fact]
    public void The_pascal_case_name_is_not_a_variable()
    {
        Assert.Throws<TemplateException>(() => StrictTemplateRenderer.Render("{{ ModuleName }}", "c.sbn", Sample));
    }

    [Fact]
    public void Include_is_not_available()
    {
        Assert.Throws<TemplateException>(() => StrictTemplateRenderer.Render("{{ include 'other.sbn' }}", "c.sbn", Sample));
    }
}
