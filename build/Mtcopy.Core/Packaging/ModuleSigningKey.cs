namespace Mtcopy.Core.Packaging;

/// <summary>
/// The key modules are signed with (--sign-key=, --sign-cert=): a PEM private key (or a pkcs11: URI,
/// which sign-file also takes) and the X.509 certificate in DER form. Absolute paths.
/// </summary>
public sealed record ModuleSigningKey(string PrivateKeyPath, string CertificatePath)
{
    /// <summary>From the two options, both or neither: null when neither is given.</summary>
    /// <exception cref="UserErrorException">Only one is given.</exception>
    public static ModuleSigningKey? FromOptions(string? key, string? certificate)
    {
        bool hasKey = !string.IsNullOrWhiteSpace(key);
        bool hasCertificate = !string.IsNullOrWhiteSpace(certificate);
        return (hasKey, hasCertificate) switch
        {
            (false, false) => null,
            (true, true) => new ModuleSigningKey(key!, certificate!),
            (true, false) => throw new UserErrorException("--sign-key is given without --sign-cert: give the certificate (DER) that goes with the key, or neither."),
            _ => throw new UserErrorException("--sign-cert is given without --sign-key: give the private key (PEM) that goes with the certificate, or neither."),
        };
    }
}
