namespace Mtcopy.Core.Packaging;

/// <summary>How dkms signs what it builds: the kernel's sign-file program and the key (framework.conf's sign_file, mok_signing_key, mok_certificate).</summary>
public sealed record DkmsSigning(string SignFile, ModuleSigningKey Key);
