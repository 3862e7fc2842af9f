namespace Mtcopy.Core.Smoke;

/// <summary>
/// The directive after <c>#</c> on a result line. <c># SKIP</c> makes the test skipped;
/// <c># TODO</c> (and <c># XFAIL</c>) marks an expected failure: <c>not ok ... # TODO</c> counts
/// as skipped, not failed.
/// </summary>
public enum KtapDirective
{
    None,
    Skip,
    Todo,
}
