using System.Text;
using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Core.Smoke;

namespace Mtcopy.Adapters.Tests.Smoke;

/// <summary>The archives the writer makes, as GNU cpio and gzip see them.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class CpioSystemToolTests
{
    private static readonly IReadOnlyDictionary<string, string?> CLocale =
        new Dictionary<string, string?> { ["LC_ALL"] = "C", ["TZ"] = "UTC" };

    private static InitramfsPlan Plan(TempDirectory temp)
    {
        string Host(string name, string content)
        {
            string path = temp.Combine(name);
            File.WriteAllText(path, content);
            return path;
        }

        return SmokeInitramfs.Plan(new SmokeGuestFiles(
            Host("init", "#!/bin/busybox sh\n"), Host("busybox", "BB"), Host("mtcopy-test", "T"), Host("mtcopy.ko", "KO1"), "threads=4\n")
        {
            DkmsModulePath = Host("dkms.ko", "KO2"),
        });
    }

    private static async Task<List<string>> RunAsync(string program, params string[] arguments)
    {
        var lines = new List<string>();
        await new ProcessRunner().RunAsync(new ProcessSpec(program, arguments) { Environment = CLocale, OnLine = lines.Add });
        return lines;
    }

    [Fact]
    public async Task Gnu_cpio_lists_names_modes_links_and_devices()
    {
        using var temp = new TempDirectory();
        string archive = temp.Combine("initramfs.cpio");
        using (var stream = File.Create(archive))
        {
            CpioWriter.Write(
                stream,
                [.. Plan(temp).ToEntries(p => File.ReadAllBytes(p)), CpioEntry.Symlink("bin/sh", "busybox")],
                DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        }

        List<string> listing = await RunAsync("cpio", "-i", "-t", "-v", "-n", "--quiet", "-F", archive);

        // "drwxr-xr-x   2 0  0  0 Nov 14  2023 bin": mode, links, uid, gid, size (or major, minor), date, name.
        var rows = listing.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(
        [
            "drwxr-xr-x bin", "-rwxr-xr-x bin/busybox", "-rwxr-xr-x bin/mtcopy-test", "lrwxrwxrwx bin/sh -> busybox",
            "drwxr-xr-x dev", "crw------- dev/console", "drwxr-xr-x etc", "drwxr-xr-x etc/mtcopy", "-rw-r--r-- etc/mtcopy/contract",
            "-rwxr-xr-x init", "drwxr-xr-x lib", "drwxr-xr-x lib/modules", "drwxr-xr-x lib/modules/dkms",
            "-rw-r--r-- lib/modules/dkms/mtcopy.ko", "-rw-r--r-- lib/modules/mtcopy.ko",
            "drwxr-xr-x proc", "drwxr-xr-x sys", "drwxrwxrwt tmp",
        ], rows.Select(r => r[0] + " " + string.Join(' ', r.SkipWhile(f => f != "2023").Skip(1))));
        Assert.All(rows, r => Assert.Equal(("0", "0"), (r[2], r[3])));
        Assert.Equal(["5,", "1"], rows.Single(r => r[^1] == "dev/console")[4..6]);
        Assert.Equal("10", rows.Single(r => r[^1] == "etc/mtcopy/contract")[4]);
    }

    [Fact]
    public async Task Gzip_and_cpio_extract_the_same_bytes()
    {
        using var temp = new TempDirectory();
        string archive = temp.Combine("initramfs.cpio.gz");
        using (var stream = File.Create(archive))
        {
            InitramfsArchive.WriteGzip(stream, [.. Plan(temp).ToEntries(p => File.ReadAllBytes(p)), CpioEntry.Symlink("bin/sh", "busybox")], DateTimeOffset.UnixEpoch);
        }

        string root = temp.Combine("root");
        Directory.CreateDirectory(root);
        await new ProcessRunner().RunAsync(new ProcessSpec("sh", ["-c", "gzip -t \"$1\" && gzip -dc \"$1\" | cpio -i -d --quiet --no-absolute-filenames", "sh", archive])
        {
            WorkingDirectory = root,
            Environment = CLocale,
        });

        Assert.Equal("KO2", File.ReadAllText(Path.Combine(root, "lib/modules/dkms/mtcopy.ko")));
        Assert.Equal("threads=4\n", File.ReadAllText(Path.Combine(root, "etc/mtcopy/contract"), Encoding.UTF8));
        Assert.Equal("busybox", new FileInfo(Path.Combine(root, "bin/sh")).LinkTarget);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherExecute, File.GetUnixFileMode(Path.Combine(root, "init")));
    }
}
