namespace Mtcopy.Core.Packaging;

/// <summary>A template of the packaging, by its path relative to the repository root.</summary>
public sealed record PackageTemplate(string RelativePath)
{
    public static readonly PackageTemplate DkmsConf = new("templates/dkms/dkms.conf.sbn");
    public static readonly PackageTemplate DebControl = new("packaging/deb/debian/control.sbn");
    public static readonly PackageTemplate DebRules = new("packaging/deb/debian/rules.sbn");
    public static readonly PackageTemplate DebInstall = new("packaging/deb/debian/install.sbn");
    public static readonly PackageTemplate DebSourceFormat = new("packaging/deb/debian/source/format.sbn");
    public static readonly PackageTemplate DebLintianOverrides = new("packaging/deb/debian/lintian-overrides.sbn");
    public static readonly PackageTemplate DebChangelog = new("packaging/deb/changelog.sbn");
    public static readonly PackageTemplate DebCopyright = new("packaging/deb/copyright.sbn");
    public static readonly PackageTemplate RpmSpec = new("packaging/rpm/dkms-mtcopy.spec.sbn");

    public static readonly PackageTemplate ModulesDebControl = new("packaging/deb/modules/control.sbn");
    public static readonly PackageTemplate ModulesDebPostinst = new("packaging/deb/modules/postinst.sbn");
    public static readonly PackageTemplate ModulesDebPostrm = new("packaging/deb/modules/postrm.sbn");
    public static readonly PackageTemplate ModulesRpmSpec = new("packaging/rpm/kmod-mtcopy.spec.sbn");

    /// <summary>The DKMS packages' templates, rendered with a <see cref="DkmsPackageModel"/>.</summary>
    public static IReadOnlyList<PackageTemplate> All { get; } =
        [DkmsConf, DebControl, DebRules, DebInstall, DebSourceFormat, DebLintianOverrides, DebChangelog, DebCopyright, RpmSpec];

    /// <summary>
    /// The prebuilt-module packages' templates, rendered with a <see cref="ModulePackageModel"/>; the .deb
    /// also takes <see cref="DebCopyright"/> and <see cref="DebChangelog"/>.
    /// </summary>
    public static IReadOnlyList<PackageTemplate> Modules { get; } =
        [ModulesDebControl, ModulesDebPostinst, ModulesDebPostrm, DebCopyright, DebChangelog, ModulesRpmSpec];

    /// <summary>Renders this template's text (read by the caller) with the model's values.</summary>
    /// <exception cref="TemplateException">The template does not parse or names an unknown value.</exception>
    public string Render(string text, PackageMetadata model) => StrictTemplateRenderer.Render(text, RelativePath, model);

    public override string ToString() => RelativePath;
}
