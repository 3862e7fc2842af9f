namespace Mtcopy.Adapters.SystemTest;

/// <summary>The packages the guest installs: the kernel and its headers, mtcopy-dkms and a newer one to upgrade to, the prebuilt module.</summary>
public sealed record SystemTestDebs(string KernelImage, string KernelHeaders, string Dkms, string DkmsUpgrade, string PrebuiltModules);
