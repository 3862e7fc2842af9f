namespace Mtcopy.Core.Kernel;

/// <summary>What produced the first error line of a build log.</summary>
public enum BuildErrorKind
{
    /// <summary>gcc/clang/as: <c>file:line:col: error: ...</c>, <c>fatal error</c>, <c>cc1: error</c>.</summary>
    Compiler,
    /// <summary>ld: undefined reference, multiple definition, <c>ld: ... error</c>.</summary>
    Linker,
    /// <summary><c>ERROR: modpost: ...</c>.</summary>
    Modpost,
    /// <summary>Kconfig and kbuild checks: <c>*** ...</c> lines, Kconfig syntax errors.</summary>
    Kconfig,
    /// <summary>A tool that is missing or fails on its own: <c>sh: flex: not found</c>, <c>objtool: error</c>.</summary>
    Tool,
    /// <summary>make itself: <c>No rule to make target</c>, <c>missing separator</c>.</summary>
    Make,
    /// <summary>Only the <c>make: *** [...] Error N</c> line that follows a failed recipe was found.</summary>
    MakeRecipe,
}
