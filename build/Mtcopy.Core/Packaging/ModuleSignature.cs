using System.Text;

namespace Mtcopy.Core.Packaging;

/// <summary>
/// Module signatures as the kernel's <c>scripts/sign-file</c> appends them: PKCS#7 data, a
/// module_signature trailer, then the magic string <see cref="Marker"/> as the last bytes.
/// </summary>
public static class ModuleSignature
{
    /// <summary>The last bytes of a signed module (include/linux/module_signature.h, MODULE_SIG_STRING plus a newline).</summary>
    public const string Marker = "~Module signature appended~\n";

    /// <summary>The digest sign-file uses; sha256 is what the kernel's own defconfigs select.</summary>
    public const string HashAlgorithm = "sha256";

    private static readonly byte[] MarkerBytes = Encoding.ASCII.GetBytes(Marker);

    public static bool IsSigned(ReadOnlySpan<byte> module) => module.EndsWith(MarkerBytes);

    /// <summary><c>sign-file sha256 key.pem cert.der module.ko</c>: signs the module in place.</summary>
    public static ToolCommand SignFile(string signFileProgram, ModuleSigningKey key, string modulePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signFileProgram);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(modulePath);
        return new ToolCommand(signFileProgram, [HashAlgorithm, key.PrivateKeyPath, key.CertificatePath, modulePath],
            new Dictionary<string, string?>(StringComparer.Ordinal) { ["LC_ALL"] = "C.UTF-8" });
    }
}
