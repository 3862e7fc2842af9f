namespace Mtcopy.Core.Tests.Series.Manifest;

/// <summary>A complete, valid manifest (the documented example) and helpers to break it.</summary>
internal static class ManifestText
{
    public const string Valid = """
        series:
          name: mtcopy
          version: 0.1.0
          summary: Multi-threaded page copy for page migration
          patches:
            - 0001-mm-migrate-batch-copy.patch
            - 0002-mm-migrate-use-mtcopy.patch
        bases:
          - id: "debian:6.12"
            package: linux-source-6.12
            version: 6.12.117-1~deb12u1
            suite: bookworm-security
            kernel: 6.12.117
            tested: ["6.12.117"]
            default: true
        config:
          arch: x86_64
          base: tinyconfig
          fragments:
            smoke: config/smoke.config
            debug: config/debug.config
          default: smoke
        modules:
          - name: mtcopy
            source: ../kmod-src
            kconfig: CONFIG_MTCOPY_CPU
            requires: [CONFIG_OFFC_MIGRATION]
            sysfs:
              directory: /sys/kernel/cpu_mt
              attributes:
                - { name: offloading, mode: rw, default: "0", valid: ["0", "1"], invalid: ["2", "-1", "abc", ""] }
                - { name: threads, mode: rw, default: "4", valid: ["1", "64"], invalid: ["0", "65", "abc", ""] }
                - { name: batches, mode: ro }
        packages:
          maintainer: "mtcopy maintainers <mtcopy@example.org>"
          homepage: https://example.org/mtcopy
          license: GPL-2.0-only
          dkms_deb: mtcopy-dkms
          dkms_rpm: dkms-mtcopy
          modules_deb: mtcopy-modules
          modules_rpm: kmod-mtcopy
          local_version: -mtcopy

        """;

    public static readonly string[] Files =
    [
        "0001-mm-migrate-batch-copy.patch",
        "0002-mm-migrate-use-mtcopy.patch",
        "config/smoke.config",
        "config/debug.config",
    ];

    /// <summary>The valid manifest with one exact piece of text replaced (which must exist).</summary>
    public static string With(string find, string replace)
    {
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        return Valid.Replace(find, replace, StringComparison.Ordinal);
    }

    /// <summary><c>line:column</c> of <paramref name="token"/> in line <paramref name="line"/> (1-based).</summary>
    public static string Position(string yaml, int line, string token)
    {
        var text = yaml.Split('\n')[line - 1];
        var column = text.IndexOf(token, StringComparison.Ordinal);
        Assert.True(column >= 0, $"'{token}' not on line {line}: '{text}'");
        return $"{line}:{column + 1}";
    }
}
