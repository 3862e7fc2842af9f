using Mtcopy.Core.Smoke;
using Mtcopy.Core;

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
    public void Test_modules_go_to_lib_modules_under_their_own_names()
    {
        InitramfsPlan plan = SmokeInitramfs.Plan(Files() with { TestModulePaths = ["/scratch/offc-test/offc_test.ko"] });

        Assert.Equal(
            ["f 644 /lib/modules/mtcopy.ko <- /out/mtcopy.ko", "f 644 /lib/modules/offc_test.ko <- /scratch/offc-test/offc_test.ko"],
            plan.Items.Where(i => i.TargetPath.EndsWith(".ko", StringComparison.Ordinal)).Select(Describe));
        Assert.Equal("/etc/mtcopy/contract", plan.Items[^1].TargetPath);
    }

    [Theory]
    [InlineData("/scratch/mtcopy.ko")]
    [InlineData("/scratch/offc_test.o")]
    [InlineData("/scratch/.ko")]
    public void Test_module_that_would_replace_the_migrator_or_is_no_module_is_refused(string module)
    {
        Assert.Throws<UserErrorException>(() => SmokeInitramfs.Plan(Files() with { TestModulePaths = [module] }));
    }

    [Fact]
    public void Two_test_modules_of_one_name_are_refused()
    {
        var error = Assert.Throws<UserErrorException>(() =>
            SmokeInitramfs.Plan(Files() with { TestModulePaths = ["/a/offc_test.ko", "/b/offc_test.ko"] }));

        Assert.Contains("/b/offc_test.ko would replace /lib/modules/offc_test.ko", error.Message, StringComparison.Ordinal);
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
