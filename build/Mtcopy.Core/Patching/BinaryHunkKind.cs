namespace Mtcopy.Core.Patching;

/// <summary>How a "GIT binary patch" hunk encodes the new content.</summary>
public enum BinaryHunkKind
{
    /// <summary>The full new content.</summary>
    Literal,

    /// <summary>A git delta against the old content.</summary>
    Delta,
}
