using Mtcopy.Core.Kernel;

namespace Mtcopy.Core.Tests.Kernel;

public sealed class BuildLogAnalyzerTests
{
    [Fact]
    public void Compiler_error_wins_over_the_make_lines_that_follow_it()
    {
        const string log = """
              CC      mm/page_alloc.o
              CC      mm/migrate.o
            mm/migrate.c: In function 'migrate_folio_mt':
            mm/migrate.c:1234:9: error: implicit declaration of function 'copy_folio_mt'; did you mean 'copy_folio'? [-Werror=implicit-function-declaration]
             1234 |         copy_folio_mt(dst, src, nr_threads);
                  |         ^~~~~~~~~~~~~
                  |         copy_folio
            cc1: some warnings being treated as errors
            make[4]: *** [scripts/Makefile.build:229: mm/migrate.o] Error 1
            make[3]: *** [scripts/Makefile.build:478: mm] Error 2
            make[2]: *** Waiting for unfinished jobs....
            make: *** [Makefile:224: __sub-make] Error 2
            """;

        BuildErrorSummary summary = BuildLogAnalyzer.FindFirstError(log)!;

        Assert.Equal(BuildErrorKind.Compiler, summary.Kind);
        Assert.Equal(4, summary.LineNumber);
        Assert.StartsWith("mm/migrate.c:1234:9: error: implicit declaration", summary.ErrorLine, StringComparison.Ordinal);
        Assert.Equal(1, summary.ContextStart);
        Assert.Contains("mm/migrate.c: In function 'migrate_folio_mt':", summary.Context);
        Assert.Contains("> ", summary.Render(), StringComparison.Ordinal);
        Assert.Contains("First error (log line 4): mm/migrate.c:1234:9: error:", summary.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void Make_failure_printed_first_by_a_parallel_job_still_loses_to_the_compiler_error()
    {
        // With -j the make line of one job can reach the log before another job's gcc output.
        const string log = """
              CC      mm/compaction.o
            make[4]: *** [scripts/Makefile.build:229: mm/compaction.o] Error 1
            make[4]: *** Deleting file 'mm/compaction.o'
            mm/compaction.c:77:3: error: 'nr_threads' undeclared (first use in this function)
            make[3]: *** [scripts/Makefile.build:478: mm] Error 2
            """;

        BuildErrorSummary summary = BuildLogAnalyzer.FindFirstError(log)!;

        Assert.Equal(BuildErrorKind.Compiler, summary.Kind);
        Assert.Equal(4, summary.LineNumber);
    }

    [Fact]
    public void Warnings_are_not_errors()
    {
        const string log = """
              CC      mm/migrate.o
            mm/migrate.c:10:5: warning: no previous prototype for 'foo' [-Wmissing-prototypes]
            mm/migrate.c:99:1: error: expected ';' before '}' token
            """;

        Assert.Equal(3, BuildLogAnalyzer.FindFirstError(log)!.LineNumber);
    }

    [Fact]
    public void Missing_header_is_a_fatal_compiler_error()
    {
        const string log = """
              CC [M]  /tmp/scratch/mtcopy_test.o
            /tmp/scratch/mtcopy_test.c:3:10: fatal error: linux/mtcopy.h: No such file or directory
                3 | #include <linux/mtcopy.h>
                  |          ^~~~~~~~~~~~~~~~
            compilation terminated.
            make[3]: *** [scripts/Makefile.build:229: /tmp/scratch/mtcopy_test.o] Error 1
            """;

        BuildErrorSummary summary = BuildLogAnalyzer.FindFirstError(log)!;

        Assert.Equal(BuildErrorKind.Compiler, summary.Kind);
        Assert.Equal(2, summary.LineNumber);
    }

    [Fact]
    public void Linker_undefined_reference()
    {
        const string log = """
              LD      vmlinux.o
              LD      .tmp_vmlinux1
            ld: mm/migrate.o: in function `migrate_pages_batch':
            migrate.c:(.text+0x1a2b): undefined reference to `copy_folio_mt'
            make[2]: *** [scripts/Makefile.vmlinux:34: vmlinux] Error 1
            make[1]: *** [/work/k/linux/Makefile:1166: vmlinux] Error 2
            """;

        BuildErrorSummary summary = BuildLogAnalyzer.FindFirstError(log)!;

        Assert.Equal(BuildErrorKind.Linker, summary.Kind);
        Assert.Equal(4, summary.LineNumber);
        Assert.Contains("ld: mm/migrate.o: in function `migrate_pages_batch':", summary.Context);
    }

    [Fact]
    public void Modpost_error()
    {
        const string log = """
              MODPOST Module.symvers
            ERROR: modpost: "copy_folio_mt" [mm/mtcopy_test.ko] undefined!
            make[2]: *** [scripts/Makefile.modpost:145: Module.symvers] Error 1
            make[1]: *** [/work/k/linux/Makefile:1876: modpost] Error 2
            """;

        BuildErrorSummary summary = BuildLogAnalyzer.FindFirstError(log)!;

        Assert.Equal(BuildErrorKind.Modpost, summary.Kind);
        Assert.Equal(2, summary.LineNumber);
    }

    [Fact]
    public void Kconfig_star_lines()
    {
        const string log = """
            make[1]: Entering directory '/tmp/o'
            ***
            *** The source tree is not clean, please run 'make ARCH=x86_64 mrproper'
            *** in /work/k/linux-source-6.12
            ***
            make[2]: *** [/work/k/linux-source-6.12/Makefile:650: outputmakefile] Error 1
            """;

        BuildErrorSummary summary = BuildLogAnalyzer.FindFirstError(log)!;

        Assert.Equal(BuildErrorKind.Kconfig, summary.Kind);
        Assert.Equal(3, summary.LineNumber);
        Assert.Contains("*** in /work/k/linux-source-6.12", summary.Context);
    }

    [Fact]
    public void Missing_tool()
    {
        const string log = """
              LEX     scripts/kconfig/lexer.lex.c
            /bin/sh: 1: flex: not found
            make[2]: *** [scripts/Makefile.host:9: scripts/kconfig/lexer.lex.c] Error 127
            """;

        Assert.Equal(BuildErrorKind.Tool, BuildLogAnalyzer.FindFirstError(log)!.Kind);
    }

    [Fact]
    public void Make_no_rule_is_a_real_error()
    {
        const string log = """
            make[1]: Entering directory '/tmp/o'
            make[2]: *** No rule to make target 'arch/x86/boot/zImage2'.  Stop.
            make[1]: *** [Makefile:224: __sub-make] Error 2
            """;

        BuildErrorSummary summary = BuildLogAnalyzer.FindFirstError(log)!;

        Assert.Equal(BuildErrorKind.Make, summary.Kind);
        Assert.Equal(2, summary.LineNumber);
    }

    [Fact]
    public void Falls_back_to_the_first_make_recipe_failure()
    {
        const string log = """
              GEN     Makefile
            something odd happened
            make[2]: *** [scripts/Makefile.build:229: foo.o] Error 1
            make: *** [Makefile:224: __sub-make] Error 2
            """;

        BuildErrorSummary summary = BuildLogAnalyzer.FindFirstError(log)!;

        Assert.Equal(BuildErrorKind.MakeRecipe, summary.Kind);
        Assert.Equal(3, summary.LineNumber);
    }

    [Fact]
    public void Clean_log_has_no_error()
    {
        const string log = """
              CC      drivers/base/errors.o
              LD      vmlinux
            Kernel: arch/x86/boot/bzImage is ready  (#1)
            """;

        Assert.Null(BuildLogAnalyzer.FindFirstError(log));
    }

    [Fact]
    public void Strips_colour_escapes()
    {
        string line = "\u001b[01m\u001b[Kmm/migrate.c:5:1:\u001b[m\u001b[K \u001b[01;31m\u001b[Kerror: \u001b[m\u001b[Kexpected ';'";

        BuildErrorSummary summary = BuildLogAnalyzer.FindFirstError([line])!;

        Assert.Equal("mm/migrate.c:5:1: error: expected ';'", summary.ErrorLine);
    }

    [Fact]
    public void Context_is_clipped_at_the_log_edges()
    {
        BuildErrorSummary summary = BuildLogAnalyzer.FindFirstError(["a.c:1:1: error: x", "next"], 3, 5)!;

        Assert.Equal(1, summary.ContextStart);
        Assert.Equal(["a.c:1:1: error: x", "next"], summary.Context);
    }
}
