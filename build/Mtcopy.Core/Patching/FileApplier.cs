namespace Mtcopy.Core.Patching;

/// <summary>Applies one file patch (text or binary) to the file's current content and mode.</summary>
public static class FileApplier
{
    /// <summary>
    /// Applies <paramref name="patch"/> to <paramref name="current"/> (the source file for modify,
    /// delete, rename and copy; null when the path does not exist).
    /// </summary>
    public static FileApplyResult Apply(FilePatch patch, FileState? current, ApplyOptions options)
    {
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(options);
        if (patch.NewMode == GitFileMode.Gitlink || patch.OldMode == GitFileMode.Gitlink)
        {
            return Fail(patch, null, [], "submodule (gitlink) changes are not supported");
        }

        if (patch.Kind == FileChangeKind.Add && current is not null)
        {
            return Fail(patch, null, [], "already exists in the tree");
        }

        if (patch.Kind != FileChangeKind.Add && current is null)
        {
            return Fail(patch, null, [], $"{patch.OldPath} does not exist in the tree");
        }

        var source = current?.Content ?? ReadOnlyMemory<byte>.Empty;
        var mode = patch.NewMode ?? current?.Mode ?? GitFileMode.Regular;
        return patch.Binary is { } binary
            ? ApplyBinary(patch, binary, source, mode)
            : ApplyText(patch, source, mode, options);
    }

    private static FileApplyResult ApplyText(FilePatch patch, ReadOnlyMemory<byte> source, GitFileMode mode, ApplyOptions options)
    {
        var text = HunkApplier.Apply(source.Span, patch.Hunks, options);
        var state = new FileState(text.Content, mode);
        if (!text.Succeeded)
        {
            return Fail(patch, state, text.Hunks, null);
        }

        if (patch.Kind == FileChangeKind.Delete)
        {
            return text.Content.IsEmpty
                ? new FileApplyResult(patch, FileOutcome.Applied, null, text.Hunks, null)
                : Fail(patch, state, text.Hunks, "the deletion patch leaves content in the file (it was changed)");
        }

        return new FileApplyResult(patch, FileOutcome.Applied, state, text.Hunks, null);
    }

    private static FileApplyResult ApplyBinary(FilePatch patch, BinaryPatch binary, ReadOnlyMemory<byte> source, GitFileMode mode)
    {
        if (binary.Forward is not { } forward)
        {
            return Fail(patch, null, [], "binary patch without data (\"Binary files differ\"); regenerate it with --binary");
        }

        if (!GitObjectId.IsFull(patch.OldId) || !GitObjectId.IsFull(patch.NewId))
        {
            return Fail(patch, null, [], "cannot apply a binary patch without full ids on its index line");
        }

        var hexLength = patch.NewId!.Length;
        if (patch.Kind == FileChangeKind.Add)
        {
            if (!source.IsEmpty)
            {
                return Fail(patch, null, [], "binary patch creates a file that is not empty");
            }
        }
        else
        {
            var actual = GitObjectId.ForBlob(source.Span, hexLength);
            if (!string.Equals(actual, patch.OldId, StringComparison.Ordinal))
            {
                return Fail(patch, null, [], $"binary patch applies to blob {patch.OldId}, but the file is {actual}");
            }
        }

        if (GitObjectId.IsNull(patch.NewId))
        {
            return new FileApplyResult(patch, FileOutcome.Applied, null, [], null);
        }

        byte[] result;
        try
        {
            result = forward.Kind == BinaryHunkKind.Literal
                ? forward.Data.ToArray()
                : GitDelta.Apply(source.Span, forward.Data.Span);
        }
        catch (FormatException ex)
        {
            return Fail(patch, null, [], $"binary delta does not apply: {ex.Message}");
        }

        var produced = GitObjectId.ForBlob(result, hexLength);
        return string.Equals(produced, patch.NewId, StringComparison.Ordinal)
            ? new FileApplyResult(patch, FileOutcome.Applied, new FileState(result, mode), [], null)
            : Fail(patch, null, [], $"binary patch produced blob {produced}, expected {patch.NewId}");
    }

    private static FileApplyResult Fail(FilePatch patch, FileState? partial, IReadOnlyList<HunkResult> hunks, string? message) =>
        new(patch, FileOutcome.Failed, partial, hunks, message);
}
