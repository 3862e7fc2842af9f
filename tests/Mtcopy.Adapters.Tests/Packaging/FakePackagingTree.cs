using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Core.Kernel;

namespace Mtcopy.Adapters.Tests.Packaging;

/// <summary>
/// A stand-in kernel source tree for the packaging targets (after tuxmake's fakelinux): its Makefile
/// implements bindeb-pkg (writes the three .deb, .changes and .buildinfo into the parent of O=),
/// binrpm-pkg (writes the three .rpm into O=/rpmbuild/RPMS/x86_64 with the release scripts/build-version
/// would print), <c>scripts/</c> (writes scripts/sign-file only when CONFIG_MODULE_SIG_FORMAT=y) and the
/// unpatched-kernel steps (tinyconfig, olddefconfig, modules_prepare). The build directory starts with
/// a vmlinux. Every package file holds the KBUILD_BUILD_VERSION, RPMOPTS or KDEB_PKGVERSION it saw.
///
/// Environment FAKE_FAIL=deb makes bindeb-pkg fail, FAKE_RELINK=1 makes it change vmlinux,
/// FAKE_SKIP=headers makes it leave out the headers package, FAKE_KEEP=1 makes olddefconfig keep
/// CONFIG_OFFC_* (which it otherwise drops, as an unpatched Kconfig would). Every target appends to O=/make-calls.
/// </summary>
public sealed class FakePackagingTree : IDisposable
{
    public const string Release = "6.12.117-mtcopy";

    private const string Makefile = """
        # Fake kernel Makefile for mtcopy's packaging tests.
        O ?= .
        REL = 6.12.117-mtcopy
        .PHONY: bindeb-pkg binrpm-pkg scripts/ tinyconfig olddefconfig modules_prepare

        bindeb-pkg:
        ~@echo '$@ $(ARCH) LOCALVERSION=$(LOCALVERSION)' >> $(O)/make-calls
        ~@if [ "$(FAKE_FAIL)" = deb ]; then echo "dpkg-buildpackage: error: debian/rules binary subprocess returned exit status 2" >&2; exit 2; fi
        ~@for p in linux-image-$(REL) linux-headers-$(REL) linux-libc-dev; do \
        ~  if [ "$(FAKE_SKIP)" = headers ] && [ $$p = linux-headers-$(REL) ]; then continue; fi; \
        ~  echo "$$p $(KDEB_PKGVERSION) #$$KBUILD_BUILD_VERSION" > $(O)/../$${p}_$(KDEB_PKGVERSION)_amd64.deb; \
        ~done
        ~@echo changes > $(O)/../$(KDEB_SOURCENAME)_$(KDEB_PKGVERSION)_amd64.changes
        ~@echo buildinfo > $(O)/../$(KDEB_SOURCENAME)_$(KDEB_PKGVERSION)_amd64.buildinfo
        ~@if [ "$(FAKE_RELINK)" = 1 ]; then echo relinked >> $(O)/vmlinux; fi

        binrpm-pkg:
        ~@echo '$@ $(ARCH) LOCALVERSION=$(LOCALVERSION)' >> $(O)/make-calls
        ~@mkdir -p $(O)/rpmbuild/RPMS/x86_64
        ~@rel=$$(expr $$(cat $(O)/.version 2>/dev/null || echo 0) + 1); echo $$rel > $(O)/.version; \
        ~for p in kernel kernel-devel kernel-headers; do echo "$(RPMOPTS)" > $(O)/rpmbuild/RPMS/x86_64/$$p-6.12.117_mtcopy-$$rel.x86_64.rpm; done

        scripts/:
        ~@echo '$@ CONFIG_MODULE_SIG_FORMAT=$(CONFIG_MODULE_SIG_FORMAT)' >> $(O)/make-calls
        ~@mkdir -p $(O)/scripts
        ~@if [ "$(CONFIG_MODULE_SIG_FORMAT)" = y ]; then printf '#!/bin/sh\nexit 0\n' > $(O)/scripts/sign-file; chmod +x $(O)/scripts/sign-file; fi

        tinyconfig:
        ~@mkdir -p $(O)
        ~@echo '$@ $(ARCH)' >> $(O)/make-calls
        ~@printf 'CONFIG_64BIT=y\nCONFIG_MODULES=y\n' > $(O)/.config

        # Kconfig drops symbols it does not know: this base has none of the series' (unless FAKE_KEEP=1).
        olddefconfig:
        ~@echo '$@ $(ARCH)' >> $(O)/make-calls
        ~@if [ "$(FAKE_KEEP)" != 1 ]; then sed -i '/^CONFIG_OFFC_/d' $(O)/.config; fi

        modules_prepare:
        ~@echo '$@ $(ARCH)' >> $(O)/make-calls
        ~@mkdir -p $(O)/include/config
        ~@echo '6.12.117$(LOCALVERSION)' > $(O)/include/config/kernel.release
        """;

    private const string MergeConfig = """
        #!/bin/sh
        # Fake merge_config.sh: appends the fragments to the base.
        set -e
        out=$3; base=$4; shift 4
        for fragment in "$@"; do cat "$fragment" >> "$base"; done
        echo "merge" >> "$out/make-calls"
        """;

    private readonly TempDirectory _root = new();

    public FakePackagingTree()
    {
        WriteSource(SourceDir);
        Directory.CreateDirectory(BuildDir);
        File.WriteAllText(Path.Combine(BuildDir, "vmlinux"), "fake vmlinux\n");
    }

    public string Root => _root.Path;

    public string SourceDir => _root.Combine("linux");

    /// <summary>O=, inside work/ so that bindeb-pkg's outputs land in work/.</summary>
    public string BuildDir => _root.Combine("work", "build-smoke");

    public string OutputDir => _root.Combine("packages");

    public string LogDir => _root.Combine("logs");

    public KbuildTree Tree => new(SourceDir, BuildDir, "x86_64") { ExtraVariables = ["LOCALVERSION="] };

    /// <summary>Writes the fake tree's files (Makefile, scripts/kconfig/merge_config.sh) into a directory.</summary>
    public static void WriteSource(string directory)
    {
        Directory.CreateDirectory(Path.Combine(directory, "scripts", "kconfig"));
        File.WriteAllText(Path.Combine(directory, "Makefile"),
            string.Join('\n', Makefile.Split('\n').Select(l => l.StartsWith('~') ? "\t" + l[1..] : l)) + "\n");
        File.WriteAllText(Path.Combine(directory, "scripts", "kconfig", "merge_config.sh"), MergeConfig + "\n");
    }

    public IReadOnlyList<string> Calls(string? buildDir = null)
    {
        string path = Path.Combine(buildDir ?? BuildDir, "make-calls");
        return File.Exists(path) ? File.ReadAllLines(path) : [];
    }

    public string WriteFile(string relativePath, string content)
    {
        string path = _root.Combine(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => _root.Dispose();
}
