using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Tests.Packaging;

/// <summary>
/// A stand-in for binrpm-pkg's kernel rpm: Name kernel, Version the release with '_', Release 1,
/// owning /lib/modules/&lt;release&gt; with a modules.order, built with rpmbuild. With <c>shipsModule</c>, it also ships
/// the in-tree mtcopy.ko (kernel/drivers/migoffcopy/mtcopy/), as a kernel built with CONFIG_MTCOPY_CPU=m would.
/// </summary>
internal static class FakeKernelRpm
{
    public static async Task<string> BuildAsync(TempDirectory temp, KernelPackageModel spec, bool shipsModule = false)
    {
        string top = temp.Combine(shipsModule ? "kernel-rpm-with-module" : "kernel-rpm");
        string module = shipsModule
            ? $"mkdir -p %{{buildroot}}/lib/modules/{spec.Release}/kernel/drivers/migoffcopy/mtcopy\necho module > %{{buildroot}}/lib/modules/{spec.Release}/kernel/drivers/migoffcopy/mtcopy/mtcopy.ko"
            : "";
        Directory.CreateDirectory(Path.Combine(top, "SPECS"));
        Directory.CreateDirectory(Path.Combine(top, "tmp"));
        string specPath = Path.Combine(top, "SPECS", "kernel.spec");
        await File.WriteAllTextAsync(specPath, $"""
            Name: kernel
            Version: {spec.RpmVersion}
            Release: {spec.RpmRelease}
            Summary: fake kernel for mtcopy's tests
            License: GPL
            Provides: {spec.RpmReleaseCapability}
            %description
            Fake kernel.
            %install
            mkdir -p %{"{buildroot}"}/lib/modules/{spec.Release}
            echo kernel/drivers/x.ko > %{"{buildroot}"}/lib/modules/{spec.Release}/modules.order
            {module}
            %files
            /lib/modules/{spec.Release}

            """);
        ToolCommand build = PackagingCommands.RpmBuild(top, specPath, 1_735_689_600, spec.RpmArch);
        await ToolOutput.LinesAsync(build.Program, [.. build.Arguments]);
        return Path.Combine(top, "RPMS", spec.RpmArch, spec.KernelRpmFile);
    }
}
