using System.Globalization;
using Mtcopy.Adapters.Packaging;
using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Tests.Packaging;

/// <summary>The shims that make bindeb-pkg and binrpm-pkg reproducible, run for real on small inputs.</summary>
public sealed class KernelPackageShimsTests : IDisposable
{
    // 2030-01-01: later than any clock these tests run on, so dpkg-deb's and rpm's own clamping cannot help.
    private const long FutureEpoch = 1_893_456_000;
    private const long PastEpoch = 1_735_689_600;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Date_answers_the_epoch_but_honours_a_date_the_caller_names()
    {
        KernelPackageShims shims = await WriteShimsAsync();

        Assert.Equal("Wed, 01 Jan 2025 00:00:00 +0000", await RunAsync(shims, "date", PastEpoch, "-R"));
        Assert.Equal("Wed Jan 01 2025", await RunAsync(shims, "date", PastEpoch, "+%a %b %d %Y"));
        Assert.Equal("86400", await RunAsync(shims, "date", PastEpoch, "-d", "@86400", "+%s"));
        long now = long.Parse(await RunAsync(shims, "date", null, "+%s"), CultureInfo.InvariantCulture);
        Assert.InRange(now, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 60);
    }

    [Fact]
    public async Task Dpkg_deb_packs_identical_bytes_from_trees_written_at_different_times_before_the_epoch()
    {
        KernelPackageShims shims = await WriteShimsAsync();
        string first = await BuildDebAsync(shims.Directory, "a", writtenAt: 1_700_000_000);
        string second = await BuildDebAsync(shims.Directory, "b", writtenAt: 1_700_000_777);

        Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));
        IReadOnlyList<string> listing = await ToolOutput.LinesAsync("dpkg-deb", "--fsys-tarfile", first);
        Assert.NotEmpty(listing);
    }

    [Fact]
    public async Task Without_the_shim_the_same_trees_give_different_debs()
    {
        string first = await BuildDebAsync(shimDirectory: null, "a", writtenAt: 1_700_000_000);
        string second = await BuildDebAsync(shimDirectory: null, "b", writtenAt: 1_700_000_777);

        Assert.NotEqual(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));
    }

    [Fact]
    public async Task The_rpm_install_preamble_pins_the_build_roots_mtimes_even_when_the_spec_redefines_the_post_step()
    {
        KernelPackageShims shims = await WriteShimsAsync();

        string first = await BuildRpmAsync(shims, "a", writtenAt: 1_700_000_000);
        string second = await BuildRpmAsync(shims, "b", writtenAt: 1_700_000_777);

        Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));
        IReadOnlyList<string> dump = await ToolOutput.LinesAsync("rpm", "-qp", "--dump", first);
        Assert.Equal(FutureEpoch.ToString(CultureInfo.InvariantCulture), dump.Single(l => l.StartsWith("/usr/share/shimtest/file ", StringComparison.Ordinal)).Split(' ')[2]);
    }

    [Fact]
    public void Program_paths_with_shell_characters_are_refused()
    {
        Assert.Throws<ArgumentException>(() => KernelPackageShims.DateScript("/usr/bin/da te"));
        Assert.Throws<ArgumentException>(() => KernelPackageShims.DpkgDebScript("dpkg-deb"));
        Assert.Throws<ArgumentException>(() => KernelPackageShims.RpmInstallPreamble("/tmp/$(x)"));
    }

    private Task<KernelPackageShims> WriteShimsAsync() =>
        KernelPackageBuilder.WriteShimsAsync(_temp.Combine("shims"), Environment.GetEnvironmentVariable("PATH"));

    private static async Task<string> RunAsync(KernelPackageShims shims, string program, long? epoch, params string[] arguments)
    {
        var lines = new List<string>();
        await new ProcessRunner().RunAsync(new ProcessSpec(Path.Combine(shims.Directory, program), arguments)
        {
            Environment = new Dictionary<string, string?>
            {
                ["SOURCE_DATE_EPOCH"] = epoch?.ToString(CultureInfo.InvariantCulture),
                ["TZ"] = "UTC",
                ["LC_ALL"] = "C",
            },
            OnLine = lines.Add,
        });
        return string.Join('\n', lines).Trim();
    }

    // A one-file package tree whose files were written at writtenAt, packed with the shim (or the real dpkg-deb).
    private async Task<string> BuildDebAsync(string? shimDirectory, string name, long writtenAt)
    {
        string root = _temp.Combine("deb-" + name);
        Directory.CreateDirectory(Path.Combine(root, "DEBIAN"));
        Directory.CreateDirectory(Path.Combine(root, "usr", "share", "shimtest"));
        await File.WriteAllTextAsync(Path.Combine(root, "DEBIAN", "control"),
            "Package: shimtest\nVersion: 1.0\nArchitecture: all\nMaintainer: Test <test@example.org>\nDescription: shim test\n");
        await File.WriteAllTextAsync(Path.Combine(root, "usr", "share", "shimtest", "file"), "content\n");
        foreach (string entry in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Append(root))
        {
            File.SetLastWriteTimeUtc(entry, DateTimeOffset.FromUnixTimeSeconds(writtenAt).UtcDateTime);
        }

        string output = _temp.Combine(name + ".deb");
        string program = shimDirectory is null ? "dpkg-deb" : Path.Combine(shimDirectory, KernelPackageShims.DpkgDebName);
        await new ProcessRunner().RunAsync(new ProcessSpec(program, ["--root-owner-group", "-Zxz", "--build", root, output])
        {
            Environment = new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = FutureEpoch.ToString(CultureInfo.InvariantCulture) },
        });
        return output;
    }

    // A spec that, like the kernel's, defines __spec_install_post itself; %install writes a file dated writtenAt.
    private async Task<string> BuildRpmAsync(KernelPackageShims shims, string name, long writtenAt)
    {
        string top = _temp.Combine("rpm-" + name);
        Directory.CreateDirectory(Path.Combine(top, "SPECS"));
        string spec = Path.Combine(top, "SPECS", "shimtest.spec");
        await File.WriteAllTextAsync(spec, string.Create(CultureInfo.InvariantCulture, $$"""
            %define __spec_install_post /bin/true
            Name: shimtest
            Version: 1.0
            Release: 1
            Summary: shim test
            License: MIT
            BuildArch: noarch

            %description
            shim test

            %install
            mkdir -p %{buildroot}/usr/share/shimtest
            echo content > %{buildroot}/usr/share/shimtest/file
            touch -d @{{writtenAt}} %{buildroot}/usr/share/shimtest/file %{buildroot}/usr/share/shimtest

            %files
            /usr/share/shimtest

            """));
        string[] defines = [.. KernelPackageCommands.RpmReproducibleDefines, shims.RpmInstallPreambleDefine, "_topdir " + top];
        await new ProcessRunner().RunAsync(new ProcessSpec("rpmbuild", ["-bb", spec, "--quiet", .. defines.SelectMany(d => new[] { "--define", d })])
        {
            Environment = new Dictionary<string, string?>
            {
                ["SOURCE_DATE_EPOCH"] = FutureEpoch.ToString(CultureInfo.InvariantCulture),
                ["TZ"] = "UTC",
            },
        });
        return Path.Combine(top, "RPMS", "noarch", "shimtest-1.0-1.noarch.rpm");
    }
}
