namespace Mtcopy.Core.Smoke;

/// <summary>The outcome of one KTAP test, after directives are applied.</summary>
public enum KtapStatus
{
    Pass,
    Fail,
    Skip,
}
