using Mtcopy.Core.Packaging;

namespace Mtcopy.Core.Tests.Packaging;

/// <summary>
/// Every packaging template rendered from fixed inputs must equal its checked-in golden file
/// (Golden/&lt;inputs&gt;/&lt;template file without .sbn&gt;). After an intended template change,
/// regenerate with MTCOPY_UPDATE_GOLDEN=1 and review the diff like code.
/// </summary>
public sealed class GoldenFileTests
{
    private const long InstalledSizeKib = 12;

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (string inputs in new[] { "manifest", "full" })
        {
            foreach (PackageTemplate template in PackageTemplate.All)
            {
                data.Add(inputs, template.RelativePath);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rendered_template_matches_its_golden_file(string inputs, string templatePath)
    {
        var template = new PackageTemplate(templatePath);
        DkmsPackageModel model = SampleInputs.Dkms(inputs);
        model = model with { SourceFiles = SourceInstallEntry.For(model.SourceDirectory, ["Kbuild", "Makefile", "mtcopy.c"]) };

        string rendered = template.Render(File.ReadAllText(RepositoryFiles.PathOf(templatePath)), model);

        CompareWithGolden(Path.Combine(RepositoryFiles.GoldenDirectory, inputs, Path.GetFileNameWithoutExtension(templatePath)), rendered);
    }

    public static TheoryData<string, string> ModuleCases()
    {
        var data = new TheoryData<string, string>();
        foreach (string inputs in new[] { "manifest", "full" })
        {
            foreach (PackageTemplate template in PackageTemplate.Modules)
            {
                data.Add(inputs, template.RelativePath);
            }
        }

        return data;
    }

    /// <summary>The prebuilt-module packages' templates: Golden/modules-&lt;inputs&gt;/&lt;template file without .sbn&gt;.</summary>
    [Theory]
    [MemberData(nameof(ModuleCases))]
    public void Rendered_module_template_matches_its_golden_file(string inputs, string templatePath)
    {
        var template = new PackageTemplate(templatePath);
        ModulePackageModel model = SampleInputs.Modules(inputs) with { InstalledSizeKib = InstalledSizeKib };

        string rendered = template.Render(File.ReadAllText(RepositoryFiles.PathOf(templatePath)), model);

        CompareWithGolden(Path.Combine(RepositoryFiles.GoldenDirectory, "modules-" + inputs, Path.GetFileNameWithoutExtension(templatePath)), rendered);
    }

    [Fact]
    public void Every_template_on_disk_is_known_and_tested()
    {
        var onDisk = new[] { "templates", "packaging" }
            .SelectMany(d => Directory.EnumerateFiles(RepositoryFiles.PathOf(d), "*.sbn", SearchOption.AllDirectories))
            .Select(p => Path.GetRelativePath(RepositoryFiles.Root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

        Assert.Equal(PackageTemplate.All.Concat(PackageTemplate.Modules).Select(t => t.RelativePath).Append(Mtcopy.Core.Report.ReportTemplate.RelativePath).Distinct().Order(StringComparer.Ordinal), onDisk);
    }

    private static void CompareWithGolden(string golden, string rendered)
    {
        if (Environment.GetEnvironmentVariable("MTCOPY_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllText(golden, rendered);
        }

        Assert.True(File.Exists(golden), $"No golden file {golden}; create it with MTCOPY_UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(golden), rendered);
    }
}
