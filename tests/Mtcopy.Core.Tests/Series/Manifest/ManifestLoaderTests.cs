using Mtcopy.Core.Series.Manifest;

namespace Mtcopy.Core.Tests.Series.Manifest;

public sealed class ManifestLoaderTests
{
    private const string Source = "patches/manifest.yaml";

    private static SeriesManifest Parse(string yaml, Func<string, bool>? exists = null) =>
        ManifestLoader.Parse(yaml, Source, exists ?? (f => ManifestText.Files.Contains(f)));

    private static ManifestException Fails(string yaml, Func<string, bool>? exists = null) =>
        Assert.Throws<ManifestException>(() => Parse(yaml, exists));

    /// <summary>Asserts one error, at <paramref name="position"/>, for <paramref name="path"/>, saying <paramref name="says"/>.</summary>
    private static void SingleError(string yaml, string position, string path, string says, Func<string, bool>? exists = null)
    {
        var e = Fails(yaml, exists);
        var error = Assert.Single(e.Errors);
        var prefix = path.Length == 0 ? $"{Source}:{position}: " : $"{Source}:{position}: {path}: ";
        Assert.StartsWith(prefix, e.Message, StringComparison.Ordinal);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<UserErrorException>(e);
    }

    [Fact]
    public void Valid_manifest_is_read_completely()
    {
        var m = Parse(ManifestText.Valid);

        Assert.Equal("mtcopy", m.Series.Name);
        Assert.Equal("0.1.0", m.Series.Version);
        Assert.Equal(["0001-mm-migrate-batch-copy.patch", "0002-mm-migrate-use-mtcopy.patch"], m.Series.Patches);
        var b = Assert.Single(m.Bases);
        Assert.Equal(("debian:6.12", "linux-source-6.12", "6.12.117-1~deb12u1", "bookworm-security", "6.12.117"),
            (b.Id, b.Package, b.Version, b.Suite, b.Kernel));
        Assert.Equal(["6.12.117"], b.Tested);
        Assert.Same(b, m.DefaultBase);
        Assert.Same(b, m.FindBase("debian:6.12"));
        Assert.Null(m.FindBase("debian:6.1"));
        Assert.Equal(("x86_64", "tinyconfig", "smoke"), (m.Config.Arch, m.Config.Base, m.Config.Default));
        Assert.Equal("config/debug.config", m.Config.Fragments["debug"]);
        var module = Assert.Single(m.Modules);
        Assert.Equal(("mtcopy", "../kmod-src", "CONFIG_MTCOPY_CPU"), (module.Name, module.Source, module.Kconfig));
        Assert.Equal(["CONFIG_OFFC_MIGRATION"], module.Requires);
        Assert.Equal("/sys/kernel/cpu_mt", module.Sysfs!.Directory);
        Assert.Equal(["offloading", "threads", "batches"], module.Sysfs.Attributes.Select(a => a.Name));
        Assert.Equal(["2", "-1", "abc", ""], module.Sysfs.Attributes[0].Invalid);
        Assert.Equal(SysfsAccess.ReadWrite, module.Sysfs.Attributes[1].Access);
        Assert.Equal(SysfsAccess.ReadOnly, module.Sysfs.Attributes[2].Access);
        Assert.Null(module.Sysfs.Attributes[2].Default);
        Assert.Equal("-mtcopy", m.Packages!.LocalVersion);
        Assert.Equal("mtcopy-modules", m.Packages.ModulesDeb);
        Assert.Equal("https://example.org/mtcopy", m.Packages.Homepage);
    }

    [Fact]
    public void Modules_and_packages_are_optional()
    {
        var yaml = ManifestText.Valid[..ManifestText.Valid.IndexOf("modules:", StringComparison.Ordinal)];

        var m = Parse(yaml);

        Assert.Empty(m.Modules);
        Assert.Null(m.Packages);
    }

    [Fact]
    public void Unknown_nested_key_is_reported_where_it_is_with_the_allowed_keys()
    {
        var yaml = ManifestText.With("    kconfig: CONFIG_MTCOPY_CPU\n", "    kconfig: CONFIG_MTCOPY_CPU\n    kconfg: CONFIG_X\n");
        SingleError(yaml, "27:5", "modules[0]", "unknown key 'kconfg'");
        Assert.Contains("allowed keys: name, source, kconfig, requires, sysfs", Fails(yaml).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_in_a_flow_mapping_is_reported_at_its_column()
    {
        var yaml = ManifestText.With("{ name: batches, mode: ro }", "{ name: batches, mode: ro, colour: red }");
        SingleError(yaml, ManifestText.Position(yaml, 33, "colour"), "modules[0].sysfs.attributes[2]", "unknown key 'colour'");
    }

    [Fact]
    public void Unknown_top_level_key_is_reported()
    {
        SingleError(ManifestText.Valid + "extras: 1\n", "43:1", "(top level)", "unknown key 'extras'");
    }

    [Fact]
    public void Duplicate_key_is_reported_at_the_second_one()
    {
        SingleError(ManifestText.With("  name: mtcopy\n", "  name: mtcopy\n  name: other\n"), "3:3", "series", "duplicate key 'name'");
    }

    [Fact]
    public void Duplicate_fragment_name_is_reported()
    {
        var yaml = ManifestText.With("    debug: config/debug.config\n", "    debug: config/debug.config\n    smoke: x.config\n");
        SingleError(yaml, "22:5", "config.fragments", "duplicate key 'smoke'");
    }

    [Fact]
    public void Missing_required_key_is_reported_at_its_mapping()
    {
        SingleError(ManifestText.With("    package: linux-source-6.12\n", string.Empty), "9:5", "bases[0]",
            "missing required key 'package'; add it");
    }

    [Fact]
    public void Missing_required_section_is_reported()
    {
        var valid = ManifestText.Valid;
        var yaml = valid[..valid.IndexOf("config:", StringComparison.Ordinal)] + valid[valid.IndexOf("modules:", StringComparison.Ordinal)..];
        SingleError(yaml, "1:1", "(top level)", "missing required key 'config'");
    }

    [Fact]
    public void Required_key_without_value_is_reported()
    {
        SingleError(ManifestText.With("  arch: x86_64\n", "  arch:\n"), "17:3", "config.arch", "has no value");
    }

    [Fact]
    public void List_given_as_a_scalar_is_reported_with_the_expected_shape()
    {
        SingleError(ManifestText.With("tested: [\"6.12.117\"]", "tested: 6.12.117"), "14:13", "bases[0].tested",
            "wrong kind of value; expected a list");
    }

    [Fact]
    public void Boolean_that_is_not_true_or_false_is_reported()
    {
        SingleError(ManifestText.With("default: true", "default: maybe"), "15:14", "bases[0].default", "expected true or false");
    }

    [Fact]
    public void Yaml_syntax_error_is_reported()
    {
        var unclosed = Fails(ManifestText.With("  name: mtcopy\n", "  name: [mtcopy\n"));
        Assert.StartsWith($"{Source}:2:9: not valid YAML", unclosed.Message, StringComparison.Ordinal);
        var badIndent = Fails(ManifestText.With("series:\n", "series: 1\n"));
        Assert.StartsWith($"{Source}:2:7: not valid YAML: ", badIndent.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_manifest_is_reported()
    {
        Assert.Contains("the manifest is empty", Fails("# nothing\n").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Top_level_list_is_reported()
    {
        SingleError("- a\n", "1:1", "(top level)", "expected a mapping with the keys series, bases, config, modules, packages");
    }

    [Theory]
    [InlineData("version: 0.1.0", "version: 0.1", 3, "0.1", "series.version", "semantic version")]
    [InlineData("name: mtcopy\n  version", "name: MT copy\n  version", 2, "MT copy", "series.name", "lowercase")]
    [InlineData("id: \"debian:6.12\"", "id: \"debian-6.12\"", 9, "\"debian-6.12\"", "bases[0].id", "debian:<major>.<minor>")]
    [InlineData("kernel: 6.12.117", "kernel: 6.1.117", 13, "6.1.117", "bases[0].kernel", "is not a 6.12 kernel")]
    [InlineData("tested: [\"6.12.117\"]", "tested: [\"6.12.117\", \"6.13\"]", 14, "\"6.13\"", "bases[0].tested[1]", "is not a 6.12 kernel")]
    [InlineData("version: 6.12.117-1~deb12u1", "version: latest", 11, "latest", "bases[0].version", "exact Debian package version")]
    [InlineData("suite: bookworm-security", "suite: Bookworm", 12, "Bookworm", "bases[0].suite", "Debian suite")]
    [InlineData("base: tinyconfig", "base: tiny", 18, "tiny", "config.base", "make target")]
    [InlineData("arch: x86_64", "arch: x86-64", 17, "x86-64", "config.arch", "architecture")]
    [InlineData("default: smoke", "default: fast", 22, "fast", "config.default", "'fast' is not one of the fragments (smoke, debug)")]
    [InlineData("- name: mtcopy", "- name: mtcopy-mod", 24, "mtcopy-mod", "modules[0].name", "C identifier")]
    [InlineData("source: ../kmod-src", "source: /abs/kmod", 25, "/abs/kmod", "modules[0].source", "relative to the manifest")]
    [InlineData("kconfig: CONFIG_MTCOPY_CPU", "kconfig: MTCOPY_CPU", 26, "MTCOPY_CPU", "modules[0].kconfig", "Kconfig symbol")]
    [InlineData("requires: [CONFIG_OFFC_MIGRATION]", "requires: [OFFC]", 27, "OFFC", "modules[0].requires[0]", "Kconfig symbol")]
    [InlineData("directory: /sys/kernel/cpu_mt", "directory: /proc/cpu_mt", 29, "/proc/cpu_mt", "modules[0].sysfs.directory", "under /sys")]
    [InlineData("name: batches, mode: ro", "name: batches, mode: rx", 33, "rx", "modules[0].sysfs.attributes[2].mode", "use ro (read-only) or rw")]
    [InlineData("mode: ro }", "mode: ro, valid: [\"1\"] }", 33, "[\"1\"]", "modules[0].sysfs.attributes[2].valid", "read-only attribute is never written")]
    [InlineData("name: threads", "name: offloading", 32, "offloading", "modules[0].sysfs.attributes[1].name", "listed twice")]
    [InlineData("valid: [\"1\", \"64\"]", "valid: [\"1\", \"65\"]", 32, "\"65\", \"abc\"", "modules[0].sysfs.attributes[1].invalid[1]", "also listed as valid")]
    [InlineData("maintainer: \"mtcopy maintainers <mtcopy@example.org>\"", "maintainer: mtcopy", 35, "mtcopy", "packages.maintainer", "Full Name <address@example.org>")]
    [InlineData("homepage: https://example.org/mtcopy", "homepage: ftp://example.org", 36, "ftp", "packages.homepage", "http(s) URL")]
    [InlineData("license: GPL-2.0-only", "license: GPL 2", 37, "GPL 2", "packages.license", "SPDX")]
    [InlineData("modules_deb: mtcopy-modules", "modules_deb: mtcopy-dkms", 40, "mtcopy-dkms", "packages.modules_deb", "same as dkms_deb")]
    [InlineData("modules_rpm: kmod-mtcopy", "modules_rpm: kmod mtcopy", 41, "kmod mtcopy", "packages.modules_rpm", "RPM package name")]
    [InlineData("dkms_rpm: dkms-mtcopy", "dkms_rpm: DKMS-mtcopy", 39, "DKMS-mtcopy", "packages.dkms_rpm", "lowercase letters")]
    [InlineData("license: GPL-2.0-only", "license: MIT", 37, "MIT", "packages.license", "use one of GPL-2.0-only, GPL-2.0-or-later")]
    [InlineData("homepage: https://example.org/mtcopy", "homepage: \"https://example.org/mt copy\"", 36, "\"https", "packages.homepage", "http(s) URL")]
    [InlineData("dkms_deb: mtcopy-dkms", "dkms_deb: Mtcopy_DKMS", 38, "Mtcopy_DKMS", "packages.dkms_deb", "Debian package name")]
    [InlineData("local_version: -mtcopy", "local_version: mtcopy", 42, "mtcopy", "packages.local_version", "e.g. -mtcopy")]
    [InlineData("version: 0.1.0", "version: 1.0.0-rc1", 3, "1.0.0-rc1", "series.version", "cannot be packaged: '-' starts the Debian revision")]
    [InlineData("name: mtcopy\n  version", "name: mt.copy\n  version", 2, "mt.copy", "series.name", "cannot be packaged")]
    [InlineData("summary: Multi-threaded page copy for page migration", "summary: Multi-threaded page copy for page migration.", 4, "Multi", "series.summary", "without leading or trailing spaces or a final period")]
    [InlineData("summary: Multi-threaded page copy for page migration", "summary: Multi-threaded page copy for page migration between NUMA nodes, batched", 4, "Multi", "series.summary", "at most 60 characters")]
    [InlineData("- name: mtcopy", "- name: mt_copy", 24, "mt_copy", "modules[0].name", "names the DKMS packages")]
    public void Bad_value_is_reported_at_the_value(string find, string replace, int line, string token, string path, string says)
    {
        var yaml = ManifestText.With(find, replace);
        SingleError(yaml, ManifestText.Position(yaml, line, token), path, says);
    }

    [Fact]
    public void Without_a_packages_section_the_values_only_packages_need_are_not_checked()
    {
        int packages = ManifestText.Valid.IndexOf("packages:\n", StringComparison.Ordinal);
        string yaml = ManifestText.Valid[..packages].Replace("version: 0.1.0", "version: 1.0.0-rc1", StringComparison.Ordinal)
            .Replace("- name: mtcopy", "- name: mt_copy", StringComparison.Ordinal);

        SeriesManifest m = Parse(yaml);

        Assert.Equal(("1.0.0-rc1", "mt_copy"), (m.Series.Version, m.Modules[0].Name));
    }

    [Fact]
    public void Every_packaging_problem_is_reported_at_once()
    {
        string yaml = ManifestText.With("version: 0.1.0", "version: 0.1.0-rc1")
            .Replace("- name: mtcopy", "- name: Mt_copy", StringComparison.Ordinal)
            .Replace("summary: Multi-threaded page copy for page migration", "summary: Ends with a period.", StringComparison.Ordinal)
            .Replace("maintainer: \"mtcopy maintainers <mtcopy@example.org>\"", "maintainer: mtcopy@example.org", StringComparison.Ordinal)
            .Replace("license: GPL-2.0-only", "license: MIT", StringComparison.Ordinal)
            .Replace("homepage: https://example.org/mtcopy", "homepage: ftp://example.org/", StringComparison.Ordinal)
            .Replace("requires: [CONFIG_OFFC_MIGRATION]", "requires: [OFFC_MIGRATION]", StringComparison.Ordinal);

        var e = Fails(yaml);

        Assert.Equal(
            ["modules[0].name", "modules[0].requires[0]", "packages.homepage", "packages.license", "packages.maintainer", "series.summary", "series.version"],
            e.Errors.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Empty_patch_list_is_reported()
    {
        var yaml = ManifestText.With("  patches:\n    - 0001-mm-migrate-batch-copy.patch\n    - 0002-mm-migrate-use-mtcopy.patch\n", "  patches: []\n");
        SingleError(yaml, "5:12", "series.patches", "is empty; list the patch files");
    }

    [Fact]
    public void Patch_listed_twice_is_reported_at_the_second_listing()
    {
        SingleError(ManifestText.With("    - 0002-mm-migrate-use-mtcopy.patch\n", "    - 0001-mm-migrate-batch-copy.patch\n"),
            "7:7", "series.patches[1]", "listed twice");
    }

    [Fact]
    public void Patch_file_that_does_not_exist_is_reported()
    {
        SingleError(ManifestText.Valid, "7:7", "series.patches[1]", "'0002-mm-migrate-use-mtcopy.patch' does not exist",
            f => f != "0002-mm-migrate-use-mtcopy.patch" && ManifestText.Files.Contains(f));
    }

    [Fact]
    public void Patch_path_leaving_the_directory_is_reported_without_looking_it_up()
    {
        var looked = new List<string>();
        var yaml = ManifestText.With("- 0002-mm-migrate-use-mtcopy.patch", "- ../elsewhere.patch");
        SingleError(yaml, "7:7", "series.patches[1]", "outside the manifest's directory", f =>
        {
            looked.Add(f);
            return true;
        });
        Assert.DoesNotContain("../elsewhere.patch", looked);
    }

    [Fact]
    public void Missing_fragment_file_is_reported()
    {
        SingleError(ManifestText.Valid, "21:12", "config.fragments.debug", "'config/debug.config' does not exist",
            f => f != "config/debug.config");
    }

    [Fact]
    public void No_default_base_is_reported_at_the_list()
    {
        SingleError(ManifestText.With("default: true", "default: false"), "9:3", "bases", "no base is marked 'default: true'");
    }

    [Fact]
    public void Second_default_base_and_repeated_id_are_reported()
    {
        var second = "  - id: \"debian:6.12\"\n    package: linux-source-6.12\n    version: 6.12.118-1\n    kernel: 6.12.118\n    default: true\n";
        var yaml = ManifestText.With("config:\n", second + "config:\n");

        var e = Fails(yaml);

        Assert.Equal(2, e.Errors.Count);
        Assert.Contains(e.Errors, x => x is { Path: "bases[1].id", Line: 16, Column: 9 } && x.Message.Contains("already used", StringComparison.Ordinal));
        Assert.Contains(e.Errors, x => x is { Path: "bases[1].default", Line: 20, Column: 14 } && x.Message.Contains("exactly one", StringComparison.Ordinal));
        Assert.StartsWith($"{Source}: 2 problems:\n  {Source}:", e.Message, StringComparison.Ordinal);
    }

    private const string SecondBase =
        "  - id: \"debian:7.2\"\n    package: linux-source-7.2\n    version: 7.2.13-1\n    kernel: 7.2.13\n    series: SERIES\n";

    private static string WithVariant(string series) => ManifestText.With("config:\n", SecondBase.Replace("SERIES", series, StringComparison.Ordinal) + "config:\n");

    [Theory]
    [InlineData("linux-7.2")]
    [InlineData("variants/linux-7.2")]
    [InlineData("\"7.2_v2+fix\"")]
    public void A_base_may_name_the_variant_of_the_series_maintained_for_it(string series)
    {
        var m = Parse(WithVariant(series));

        Assert.Equal(series.Trim('"'), m.FindBase("debian:7.2")!.Series);
        Assert.Null(m.DefaultBase.Series);
    }

    [Theory]
    [InlineData("../linux-7.2", "'../linux-7.2' is not valid")]
    [InlineData("linux-7.2/../../up", "is not valid")]
    [InlineData("/srv/linux-7.2", "relative to the manifest's directory")]
    [InlineData("./linux-7.2", "no '.' or '..'")]
    [InlineData("\".\"", "is not valid")]
    [InlineData("linux-7.2/", "is not valid")]
    [InlineData("\"a\\\\b\"", "is not valid")]
    [InlineData("\"\"", "is empty")]
    public void A_variant_directory_outside_the_manifest_directory_is_reported_at_the_value(string series, string says)
    {
        var yaml = WithVariant(series);
        SingleError(yaml, ManifestText.Position(yaml, 20, series[..1]), "bases[1].series", says);
    }

    [Fact]
    public void A_variant_on_the_default_base_is_reported()
    {
        var yaml = ManifestText.With("    default: true\n", "    default: true\n    series: linux-6.12\n");
        SingleError(yaml, "16:13", "bases[0].series", "the default base uses this manifest's own series");
    }

    [Fact]
    public void A_variant_given_as_a_list_is_reported_with_the_expected_shape()
    {
        var yaml = WithVariant("[linux-7.2]");
        SingleError(yaml, "20:13", "bases[1].series", "expected a single text value");
    }

    [Fact]
    public void Duplicate_module_name_is_reported()
    {
        var module = "  - name: mtcopy\n    source: ../other\n";
        var yaml = ManifestText.With("packages:\n", module + "packages:\n");
        SingleError(yaml, "34:11", "modules[1].name", "'mtcopy' is listed twice");
    }

    [Fact]
    public void Null_list_item_is_reported()
    {
        var yaml = ManifestText.With("invalid: [\"0\", \"65\", \"abc\", \"\"]", "invalid: [\"0\", ~]");
        SingleError(yaml, ManifestText.Position(yaml, 32, "~"), "modules[0].sysfs.attributes[1].invalid[1]", "has no value");
    }

    [Fact]
    public void Load_reads_from_disk_and_checks_files_next_to_the_manifest()
    {
        var dir = Directory.CreateTempSubdirectory("mtcopy-manifest-").FullName;
        try
        {
            var path = Path.Combine(dir, "manifest.yaml");
            File.WriteAllText(path, ManifestText.Valid);
            Directory.CreateDirectory(Path.Combine(dir, "config"));
            foreach (var file in ManifestText.Files.Take(3))
            {
                File.WriteAllText(Path.Combine(dir, file), "x");
            }

            var e = Assert.Throws<ManifestException>(() => ManifestLoader.Load(path));
            Assert.Contains("config.fragments.debug", e.Message, StringComparison.Ordinal);
            Assert.StartsWith(path + ":21:12:", e.Message, StringComparison.Ordinal);

            File.WriteAllText(Path.Combine(dir, ManifestText.Files[3]), "x");
            Assert.Equal("mtcopy", ManifestLoader.Load(path).Series.Name);
            Assert.Throws<ManifestException>(() => ManifestLoader.Load(Path.Combine(dir, "nope.yaml")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Every_problem_of_the_shape_is_reported_at_once_each_at_its_node()
    {
        var yaml = ManifestText.With("  arch: x86_64\n", "  arch: [x86_64]\n")
            .Replace("    kconfig: CONFIG_MTCOPY_CPU\n", "    kconfig: CONFIG_MTCOPY_CPU\n    kconfg: CONFIG_X\n", StringComparison.Ordinal)
            .Replace("default: true", "default: maybe", StringComparison.Ordinal);

        var e = Fails(yaml);

        Assert.Equal(3, e.Errors.Count);
        Assert.Contains(e.Errors, x => x is { Path: "config.arch", Line: 17, Column: 9 } && x.Message.Contains("expected a single text value", StringComparison.Ordinal));
        Assert.Contains(e.Errors, x => x is { Path: "modules[0]", Line: 27, Column: 5 } && x.Message.Contains("unknown key 'kconfg'", StringComparison.Ordinal));
        Assert.Contains(e.Errors, x => x is { Path: "bases[0].default", Line: 15, Column: 14 } && x.Message.Contains("expected true or false", StringComparison.Ordinal));
        Assert.StartsWith($"{Source}: 3 problems:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_where_a_list_of_records_belongs_is_reported_with_the_expected_shape()
    {
        SingleError(ManifestText.With("bases:\n  - id:", "bases:\n  first:\n    id:"), "9:3", "bases", "wrong kind of value; expected a list");
    }
}
