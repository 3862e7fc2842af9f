namespace Mtcopy.Core.SystemTest;

/// <summary>What the guest asked the host to boot next: Debian's own kernel, the mtcopy kernel, or nothing (the test ended).</summary>
public enum NextBoot
{
    Stock,
    Mtcopy,
    Done,
}
