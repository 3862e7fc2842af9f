using Mtcopy.Core.Smoke;

namespace Mtcopy.Adapters.Smoke;

/// <summary>A finished guest run: the report and where its files are.</summary>
public sealed record GuestRunResult(
    SmokeReport Report,
    string Directory,
    string KtapPath,
    string ConsolePath,
    string JunitPath,
    string InitramfsPath);
