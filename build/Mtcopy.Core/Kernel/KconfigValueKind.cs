namespace Mtcopy.Core.Kernel;

/// <summary>The shape of a Kconfig value as written in a .config or fragment.</summary>
public enum KconfigValueKind
{
    /// <summary><c>=n</c> or <c># CONFIG_X is not set</c>.</summary>
    No,
    /// <summary><c>=m</c>.</summary>
    Module,
    /// <summary><c>=y</c>.</summary>
    Yes,
    /// <summary><c>="text"</c> (a string symbol).</summary>
    Text,
    /// <summary><c>=123</c> or <c>=-1</c>.</summary>
    Number,
    /// <summary><c>=0x1f</c>.</summary>
    Hex,
}
