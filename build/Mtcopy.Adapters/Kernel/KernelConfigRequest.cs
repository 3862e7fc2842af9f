using Mtcopy.Core.Kernel;

namespace Mtcopy.Adapters.Kernel;

/// <summary>Configure <paramref name="Tree"/> from <paramref name="Base"/> plus the fragment; the log goes to <c>&lt;LogDir&gt;/configure.log</c>.</summary>
public sealed record KernelConfigRequest(KbuildTree Tree, KernelConfigBase Base, string FragmentPath, string LogDir)
{
    public TimeSpan? Timeout { get; init; }
}
