using Mtcopy.Core.Smoke;

namespace Mtcopy.Core.Tests.Smoke;

public sealed class SmokeInitramfsTests
{
    private static SmokeGuestFiles Files(string? dkms = null) =>
        new("/src/tests/guest/init", "/bin/busybox", "/out/mtcopy-test", "/out/mtcopy.ko", "offloading=0\nthreads=4\n")
        {
            DkmsModulePath = dkms,
        };

    private static string Describe(InitramfsItem item) => item.Kind switch
    {
        CpioEntryKind.Directory => $"d {Convert.ToString(item.Permissions, 8)} {item.TargetPath}",
        CpioEntryKind.CharDevice => $"c {Convert.ToString(item.Permissions, 8)} {item.TargetPath} {item.DeviceMajor},{item.DeviceMinor}",
        CpioEntryKind.Symlink => $"l {item.TargetPath} -> {System.Text.Encoding.UTF8.GetString(item.Content.Span)}",
        _ => $"f {Convert.ToString(item.Permissions, 8)} {item.TargetPath} <- {item.HostPath ?? "inline"}",
    };

    [Fact]
    public void Smoke_guest_contents()
    {
        InitramfsPlan plan = SmokeInitramfs.Plan(Files());

        Assert.Equal(
        [
            "d 755 /bin", "d 755 /dev", "d 755 /etc", "d 755 /etc/mtcopy", "d 755 /lib", "d 755 /lib/modules",
            "d 755 /proc", "d 755 /sys", "d 1777 /tmp",
            "c 600 /dev/console 5,1",
            "f 755 /init <- /src/tests/guest/init",
            "f 755 /bin/busybox <- /bin/busybox",
            "f 755 /bin/mtcopy-test <- /out/mtcopy-test",
            "f 644 /lib/modules/mtcopy.ko <- /out/mtcopy.ko",
            "f 644 /etc/mtcopy/contract <- inline",
        ], plan.Items.Select(Describe));
        Assert.Equal("offloading=0\nthreads=4\n", System.Text.Encoding.UTF8.GetString(plan.Items[^1].Content.Span));
    }

    [Fact]
    public void Dkms_module_goes_to_its_own_directory()
    {
        InitramfsPlan plan = SmokeInitramfs.Plan(Files("/dkms/mtcopy.ko"));

        Assert.Equal(
            ["d 755 /lib/modules/dkms", "f 644 /lib/modules/dkms/mtcopy.ko <- /dkms/mtcopy.ko"],
            plan.Items.TakeLast(2).Select(Describe));
    }

    [Fact]
    public void Test_migrator_goes_next_to_the_module()
    {
        InitramfsPlan plan = SmokeInitramfs.Plan(Files() with { TestModulePath = "/out/offc-test/offc_test.ko" });

        Assert.Equal("f 644 /lib/modules/offc_test.ko <- /out/offc-test/offc_test.ko", Describe(plan.Items[^1]));
        Assert.DoesNotContain(SmokeInitramfs.Plan(Files()).Items, i => i.TargetPath == SmokeInitramfs.TestModulePath);
    }

    [Fact]
    public void Plan_is_a_valid_archive()
    {
        using var buffer = new MemoryStream();
        CpioWriter.Write(buffer, SmokeInitramfs.Plan(Files("/dkms/mtcopy.ko")).ToEntries(_ => new byte[] { 1 }), DateTimeOffset.UnixEpoch);

        List<CpioTestReader.Record> records = CpioTestReader.Read(buffer.ToArray());
        Assert.Equal(18, records.Count);
        Assert.Contains(records, r => r.Name == "lib/modules/dkms/mtcopy.ko");
    }
}
