using Mtcopy.Core.Kernel;

namespace Mtcopy.Adapters.Tests.Fixtures;

/// <summary>
/// A tiny stand-in for a kernel source tree (after tuxmake's test/fakelinux): its Makefile
/// implements tinyconfig/defconfig/olddefconfig/bzImage/modules by writing files, and
/// scripts/kconfig/merge_config.sh appends the fragment to the .config. It tests mtcopy's
/// orchestration and error paths in milliseconds, not Kconfig itself.
///
/// Environment FAKE_FAIL=config|merge|compile|modpost makes that step fail like the real one.
/// olddefconfig drops CONFIG_FAKE_NEEDS_MISSING_DEP, as Kconfig drops an option whose
/// dependencies are not met. Every step appends "step ARCH=..." to &lt;O&gt;/make-calls.
/// </summary>
public sealed class FakeKernelTree : IDisposable
{
    private const string TopMakefile = """
        # Fake kernel top-level Makefile for mtcopy's tests.
        VERSION = 6
        PATCHLEVEL = 12
        SUBLEVEL = 117
        EXTRAVERSION =
        NAME = Fake Opossum

        O ?= .
        ARCH ?= unset
        .PHONY: tinyconfig defconfig olddefconfig bzImage modules

        tinyconfig defconfig:
        ~@mkdir -p $(O)
        ~@if [ "$(FAKE_FAIL)" = config ]; then echo '***'; echo '*** Fake Kconfig failure in $@'; echo '***'; exit 1; fi
        ~@printf 'CONFIG_64BIT=y\n# CONFIG_MODULES is not set\nCONFIG_HZ=100\n' > $(O)/.config
        ~@echo '$@ ARCH=$(ARCH)' >> $(O)/make-calls
        ~@echo '#'; echo '# configuration written to .config'; echo '#'

        olddefconfig:
        ~@test -f $(O)/.config || { echo '***'; echo '*** Configuration file ".config" not found!'; exit 1; }
        ~@sed -i '/^CONFIG_FAKE_NEEDS_MISSING_DEP[= ]/d' $(O)/.config
        ~@echo '$@ ARCH=$(ARCH)' >> $(O)/make-calls

        # gcc writes all its diagnostics to stderr, so they keep their order there.
        bzImage:
        ~@echo '  CC      mm/migrate.o'
        ~@if [ "$(FAKE_FAIL)" = compile ]; then \
        ~  echo "mm/migrate.c: In function 'migrate_folio_mt':" >&2; \
        ~  echo "mm/migrate.c:1234:9: error: implicit declaration of function 'copy_folio_mt' [-Werror=implicit-function-declaration]" >&2; \
        ~  echo " 1234 |         copy_folio_mt(dst, src, nr);" >&2; \
        ~  echo "make[4]: *** [scripts/Makefile.build:229: mm/migrate.o] Error 1"; \
        ~  exit 2; \
        ~fi
        ~@mkdir -p $(O)/arch/x86/boot $(O)/include/config
        ~@echo '6.12.117-fake' > $(O)/include/config/kernel.release
        ~@echo "built $$KBUILD_BUILD_TIMESTAMP by $$KBUILD_BUILD_USER@$$KBUILD_BUILD_HOST #$$KBUILD_BUILD_VERSION" > $(O)/arch/x86/boot/bzImage
        ~@echo '$@ ARCH=$(ARCH)' >> $(O)/make-calls
        ~@echo 'Kernel: arch/x86/boot/bzImage is ready  (#1)'

        modules:
        ~@echo '  MODPOST Module.symvers'
        ~@touch $(O)/Module.symvers
        ~@cp $(CURDIR)/fake-objtree.mk $(O)/Makefile
        """;

    // What kbuild leaves in O= as "Makefile"; here it builds M= modules without a compiler.
    private const string ObjtreeMakefile = """
        # Fake O= Makefile: external modules (M=) for mtcopy's tests.
        .PHONY: modules
        modules:
        ~@test -n "$(M)" || { echo 'fake: M= not set' >&2; exit 1; }
        ~@if [ "$(FAKE_FAIL)" = modpost ]; then \
        ~  echo '  MODPOST $(M)/Module.symvers'; \
        ~  echo 'ERROR: modpost: "copy_folio_mt" [$(M)/mtcopy_test.ko] undefined!'; \
        ~  exit 1; \
        ~fi
        ~@for c in $(M)/*.c; do b=$${c%.c}; echo "  CC [M]  $$b.o"; echo fake > $$b.o; echo fake > $$b.ko; done
        """;

    private const string MergeConfig = """
        #!/bin/sh
        # Fake merge_config.sh: checks the flags mtcopy passes and appends the fragments to the base.
        set -e
        [ "$1" = -m ] || { echo "fake merge_config.sh: expected -m, got $1" >&2; exit 64; }
        [ "$2" = -O ] || { echo "fake merge_config.sh: expected -O, got $2" >&2; exit 64; }
        out=$3; base=$4; shift 4
        [ -d "$out" ] || { echo "output directory $out does not exist" >&2; exit 1; }
        [ "$FAKE_FAIL" != merge ] || { echo "The merge file '$1' does not exist.  Exit." >&2; exit 1; }
        echo "Using $base as base"
        for fragment in "$@"; do echo "Merging $fragment"; cat "$fragment" >> "$base"; done
        echo "merge ARCH=$ARCH cwd=$(pwd)" >> "$out/make-calls"
        """;

    private readonly TempDirectory _root = new();

    public FakeKernelTree()
    {
        Directory.CreateDirectory(SourceDir);
        File.WriteAllText(Path.Combine(SourceDir, "Makefile"), Recipes(TopMakefile));
        File.WriteAllText(Path.Combine(SourceDir, "fake-objtree.mk"), Recipes(ObjtreeMakefile));
        Directory.CreateDirectory(Path.Combine(SourceDir, "scripts", "kconfig"));
        File.WriteAllText(Path.Combine(SourceDir, "scripts", "kconfig", "merge_config.sh"), MergeConfig + "\n");
    }

    public string Root => _root.Path;

    public string SourceDir => _root.Combine("linux");

    public string BuildDir => _root.Combine("out", "build");

    public string LogDir => _root.Combine("out", "logs");

    public KbuildTree Tree => new(SourceDir, BuildDir, "x86_64");

    /// <summary>The steps the fake make and merge script ran, in order.</summary>
    public IReadOnlyList<string> Calls()
    {
        string path = Path.Combine(BuildDir, "make-calls");
        return File.Exists(path) ? File.ReadAllLines(path) : [];
    }

    /// <summary>Writes a file under the temp root and returns its absolute path.</summary>
    public string WriteFile(string relativePath, string content)
    {
        string path = _root.Combine(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => _root.Dispose();

    // Make recipes need a leading tab; '~' marks them above to keep the text readable.
    private static string Recipes(string text) =>
        string.Join('\n', text.Split('\n').Select(l => l.StartsWith('~') ? "\t" + l[1..] : l)) + "\n";
}
