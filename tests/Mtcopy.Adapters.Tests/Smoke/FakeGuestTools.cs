using Mtcopy.Adapters.Smoke;
using Mtcopy.Adapters.Tests.Fixtures;

namespace Mtcopy.Adapters.Tests.Smoke;

/// <summary>
/// Stand-ins for gcc and qemu, and the inputs a guest run needs, in a temp directory.
/// The fake gcc writes a file to its -o argument (or fails when FAKE_GCC_FAIL is set). The fake
/// qemu finds its two -serial file: paths and -initrd, writes the initramfs listing (gzip -dc |
/// cpio -t) and FAKE_CONSOLE's content to the console file, FAKE_KTAP's content to the KTAP
/// file, then sleeps FAKE_QEMU_SLEEP seconds, prints FAKE_QEMU_STDERR and exits FAKE_QEMU_EXIT.
/// FAKE_QEMU_NO_FILES=1 skips writing the files (qemu failed before the guest started).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FakeGuestTools : IDisposable
{
    private const string Gcc = """
        #!/bin/sh
        out=
        while [ $# -gt 0 ]; do [ "$1" = -o ] && out=$2; shift; done
        if [ -n "$FAKE_GCC_FAIL" ]; then echo "mtcopy-test.c:1:1: error: fake failure" >&2; exit 1; fi
        printf 'fake static binary' > "$out"
        """;

    private const string Qemu = """
        #!/bin/sh
        console= ktap= initrd=
        while [ $# -gt 0 ]; do
          case "$1" in
            -serial) if [ -z "$console" ]; then console=${2#file:}; else ktap=${2#file:}; fi; shift ;;
            -initrd) initrd=$2; shift ;;
          esac
          shift
        done
        if [ "$FAKE_QEMU_NO_FILES" != 1 ]; then
          { gzip -dc "$initrd" | cpio -i -t --quiet; [ -z "$FAKE_CONSOLE" ] || cat "$FAKE_CONSOLE"; } > "$console"
          : > "$ktap"
          [ -z "$FAKE_KTAP" ] || cat "$FAKE_KTAP" > "$ktap"
        fi
        [ -z "$FAKE_QEMU_STDERR" ] || echo "$FAKE_QEMU_STDERR" >&2
        [ -z "$FAKE_QEMU_SLEEP" ] || sleep "$FAKE_QEMU_SLEEP"
        exit "${FAKE_QEMU_EXIT:-0}"
        """;

    private readonly TempDirectory _root = new();

    public FakeGuestTools()
    {
        GccPath = Script("bin/gcc", Gcc);
        QemuPath = Script("bin/qemu", Qemu);
        Write("guest/init", "#!/bin/busybox sh\necho fake init\n");
        Write("guest/mtcopy-test.c", "int main(void) { return 0; }\n");
        KernelPath = Write("kbuild/arch/x86/boot/bzImage", "fake kernel");
        ModulePath = Write("kbuild/mtcopy.ko", "fake module");
        BusyboxPath = Write("busybox", "fake busybox");
    }

    public string GccPath { get; }

    public string QemuPath { get; }

    public string KernelPath { get; }

    public string ModulePath { get; }

    public string BusyboxPath { get; }

    public string OutDir => _root.Combine("out");

    public GuestRunRequest Request() =>
        new("tiny", OutDir, KernelPath, ModulePath, _root.Combine("guest"))
        {
            BusyboxPath = BusyboxPath,
            CompilerProgram = GccPath,
            QemuProgram = QemuPath,
            ContractText = "threads=4\n",
        };

    /// <summary>Writes a file under the temp root and returns its absolute path.</summary>
    public string Write(string relativePath, string content)
    {
        string path = _root.Combine(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => _root.Dispose();

    private string Script(string relativePath, string text)
    {
        string path = Write(relativePath, text + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
