namespace Mtcopy.Core.Patching;

/// <summary>What a file patch does to the tree.</summary>
public enum FileChangeKind
{
    /// <summary>Changes content and/or mode of an existing path.</summary>
    Modify,

    /// <summary>Creates a new path.</summary>
    Add,

    /// <summary>Removes an existing path.</summary>
    Delete,

    /// <summary>Moves <see cref="FilePatch.OldPath"/> to <see cref="FilePatch.NewPath"/>, possibly changing content.</summary>
    Rename,

    /// <summary>Copies <see cref="FilePatch.OldPath"/> to <see cref="FilePatch.NewPath"/>, possibly changing content.</summary>
    Copy,
}
