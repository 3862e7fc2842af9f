namespace Mtcopy.Core.Patching;

/// <summary>The file modes git records in a tree (values are the octal modes).</summary>
public enum GitFileMode
{
    /// <summary>100644: regular file.</summary>
    Regular = 0x81A4,

    /// <summary>100755: executable file.</summary>
    Executable = 0x81ED,

    /// <summary>120000: symbolic link; the content is the link target.</summary>
    Symlink = 0xA000,

    /// <summary>160000: submodule commit (not supported by the applier).</summary>
    Gitlink = 0xE000,
}
