using Mtcopy.Adapters.Kernel;
using Mtcopy.Adapters.Process;
using Mtcopy.Core;
using Mtcopy.Core.Kernel;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Packaging;

/// <summary>
/// Signs modules with the kernel's own <c>scripts/sign-file</c> from the build directory. kbuild
/// builds sign-file only for kernels with CONFIG_MODULE_SIG_FORMAT (scripts/Makefile:
/// <c>hostprogs-always-$(CONFIG_MODULE_SIG_FORMAT) += sign-file</c>); for others it is built here by
/// kbuild's own rule with that one symbol set on the command line, for the scripts/ directory only:
/// <c>make O=... scripts/ CONFIG_MODULE_SIG_FORMAT=y</c>. Nothing of the kernel itself is rebuilt.
/// </summary>
public sealed class ModuleSigner(IProcessRunner runner)
{
    public const string LogFileName = "sign-file.log";

    /// <returns>&lt;build&gt;/scripts/sign-file.</returns>
    /// <exception cref="KernelBuildException">make could not build it (e.g. libssl-dev missing).</exception>
    /// <remarks>Run it before the kernel packages are built, so linux-headers and kernel-devel carry sign-file for DKMS.</remarks>
    public async Task<string> EnsureSignFileAsync(KbuildTree tree, string logDir, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tree);
        string program = SignFilePath(tree.BuildDir);
        if (!File.Exists(program))
        {
            string log = KbuildStepRunner.StartLog(logDir, LogFileName);
            KbuildTree withSigning = tree with { ExtraVariables = [.. tree.ExtraVariables, "CONFIG_MODULE_SIG_FORMAT=y"] };
            KbuildCommand command = KbuildCommands.Build(withSigning, 1, ["scripts/"]);
            await KbuildStepRunner.RunAsync(runner, "sign-file", command, log, null, TimeSpan.FromMinutes(5), cancellationToken)
                .ConfigureAwait(false);
            if (!File.Exists(program))
            {
                throw new KernelBuildException($"make scripts/ CONFIG_MODULE_SIG_FORMAT=y finished but {program} does not exist; see {log}.");
            }
        }

        return program;
    }

    /// <summary>Signs <paramref name="modulePath"/> in place and checks the signature marker is at its end.</summary>
    /// <exception cref="UserErrorException">The key or certificate file does not exist.</exception>
    /// <exception cref="ProcessFailedException">sign-file failed (e.g. key and certificate do not match, wrong format).</exception>
    public async Task SignAsync(string signFileProgram, ModuleSigningKey key, string modulePath, string? logPath = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        RequireFile(key.PrivateKeyPath, "--sign-key", "a PEM private key");
        RequireFile(key.CertificatePath, "--sign-cert", "the X.509 certificate in DER form");
        ToolCommand command = ModuleSignature.SignFile(signFileProgram, key, modulePath);
        await ToolRun.RunAsync(runner, command, logPath, throwOnNonZeroExit: true, cancellationToken).ConfigureAwait(false);
        if (!ModuleSignature.IsSigned(await File.ReadAllBytesAsync(modulePath, cancellationToken).ConfigureAwait(false)))
        {
            throw new InvalidOperationException($"sign-file succeeded but {modulePath} does not end with the signature marker.");
        }
    }

    public static string SignFilePath(string buildDir) => Path.Combine(buildDir, "scripts", "sign-file");

    private static void RequireFile(string path, string option, string what)
    {
        if (!path.StartsWith("pkcs11:", StringComparison.Ordinal) && !File.Exists(path))
        {
            throw new UserErrorException($"{option}={path}: no such file; give {what}.");
        }
    }
}
