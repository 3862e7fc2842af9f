using System.Globalization;

namespace Mtcopy.Core.Patching;

/// <summary>
/// Parses the diff part of a patch: git diffs ("diff --git" with extended headers, text hunks,
/// "GIT binary patch") and plain unified diffs ("--- x" / "+++ y" / "@@"). Anything before, between
/// or after file sections that is not a diff (commit message, diffstat, mail signature) is skipped.
/// </summary>
public static class DiffParser
{
    private const string GitHeader = "diff --git ";

    /// <summary>Parses every file section of <paramref name="diffText"/>.</summary>
    /// <exception cref="PatchFormatException">A section is malformed (with the 1-based line).</exception>
    public static IReadOnlyList<FilePatch> Parse(string diffText)
    {
        ArgumentNullException.ThrowIfNull(diffText);
        var lines = new DiffLines(diffText);
        var files = new List<FilePatch>();
        while (!lines.AtEnd)
        {
            if (lines.CurrentHeader.StartsWith(GitHeader, StringComparison.Ordinal))
            {
                files.Add(ReadGitSection(lines));
            }
            else if (IsPlainSectionStart(lines))
            {
                files.Add(ReadPlainSection(lines));
            }
            else
            {
                lines.Advance();
            }
        }

        return files;
    }

    private static bool IsPlainSectionStart(DiffLines lines) =>
        lines.Current.StartsWith("--- ", StringComparison.Ordinal)
        && (lines.Peek(1)?.StartsWith("+++ ", StringComparison.Ordinal) ?? false)
        && (lines.Peek(2)?.StartsWith("@@ -", StringComparison.Ordinal) ?? false);

    private static FilePatch ReadGitSection(DiffLines lines)
    {
        var start = lines.LineNumber;
        var (headerOld, headerNew) = GitPathText.ParseGitHeader(lines.CurrentHeader[GitHeader.Length..], start);
        lines.Advance();

        var h = new GitSectionHeaders();
        BinaryPatch? binary = null;
        var inHeaders = true;
        while (inHeaders && !lines.AtEnd)
        {
            var line = lines.CurrentHeader;
            var n = lines.LineNumber;
            if (line.StartsWith(BinaryPatchParser.Marker, StringComparison.Ordinal))
            {
                lines.Advance();
                binary = BinaryPatchParser.Read(lines);
                break;
            }

            if (line.StartsWith("Binary files ", StringComparison.Ordinal))
            {
                binary = new BinaryPatch(null, null);
                lines.Advance();
                break;
            }

            inHeaders = h.Accept(line, n);
            if (inHeaders)
            {
                lines.Advance();
            }
        }

        var hunks = binary is null ? HunkParser.ReadHunks(lines) : [];
        return h.Build(headerOld, headerNew, hunks, binary, start);
    }

    private static FilePatch ReadPlainSection(DiffLines lines)
    {
        var start = lines.LineNumber;
        var (oldName, oldStamp) = SplitPlainName(lines.CurrentHeader[4..], start);
        lines.Advance();
        var (newName, newStamp) = SplitPlainName(lines.CurrentHeader[4..], lines.LineNumber);
        lines.Advance();
        var hunks = HunkParser.ReadHunks(lines);

        var isAdd = oldName is null || IsEpoch(oldStamp);
        var isDelete = !isAdd && (newName is null || IsEpoch(newStamp));
        string path;
        if (isAdd)
        {
            path = newName ?? throw new PatchFormatException($"line {start}: both file names are {GitPathText.DevNull}", start);
            return new FilePatch(null, path, FileChangeKind.Add, null, null, null, null, null, hunks, null, start);
        }

        if (isDelete)
        {
            path = oldName!;
            return new FilePatch(path, null, FileChangeKind.Delete, null, null, null, null, null, hunks, null, start);
        }

        // Like git: of the two names, the shorter one wins (the old one on a tie).
        path = newName!.Length < oldName!.Length ? newName : oldName;
        return new FilePatch(path, path, FileChangeKind.Modify, null, null, null, null, null, hunks, null, start);
    }

    private static (string? Name, string Stamp) SplitPlainName(string text, int line)
    {
        var name = GitPathText.ReadName(text, line);
        var tab = text.IndexOf('\t', StringComparison.Ordinal);
        var stamp = !text.StartsWith('"') && tab >= 0 ? text[(tab + 1)..] : string.Empty;
        if (string.Equals(name, GitPathText.DevNull, StringComparison.Ordinal))
        {
            return (null, stamp);
        }

        var slash = name.IndexOf('/', StringComparison.Ordinal);
        return (slash >= 0 && slash < name.Length - 1 ? name[(slash + 1)..] : name, stamp);
    }

    private static bool IsEpoch(string stamp) =>
        stamp.StartsWith("1970-01-01", StringComparison.Ordinal) || stamp.StartsWith("1969-12-31", StringComparison.Ordinal);

    /// <summary>The extended header lines of one "diff --git" section.</summary>
    private sealed class GitSectionHeaders
    {
        private string? _minus;
        private string? _plus;
        private bool _minusIsNull;
        private bool _plusIsNull;
        private string? _renameFrom;
        private string? _renameTo;
        private string? _copyFrom;
        private string? _copyTo;
        private GitFileMode? _oldMode;
        private GitFileMode? _newMode;
        private GitFileMode? _indexMode;
        private bool _isNew;
        private bool _isDelete;
        private string? _oldId;
        private string? _newId;
        private int? _similarity;

        /// <summary>Consumes an extended header line; false when the line is not one (headers end).</summary>
        public bool Accept(string line, int n) => AcceptMode(line, n) || AcceptRenameOrCopy(line, n) || AcceptIndexOrName(line, n);

        private bool AcceptMode(string line, int n)
        {
            if (TryValue(line, "old mode ", out var v))
            {
                _oldMode = Mode(v, n);
            }
            else if (TryValue(line, "new mode ", out v))
            {
                _newMode = Mode(v, n);
            }
            else if (TryValue(line, "deleted file mode ", out v))
            {
                _isDelete = true;
                _oldMode = Mode(v, n);
            }
            else if (TryValue(line, "new file mode ", out v))
            {
                _isNew = true;
                _newMode = Mode(v, n);
            }
            else
            {
                return false;
            }

            return true;
        }

        private bool AcceptRenameOrCopy(string line, int n)
        {
            if (TryValue(line, "rename from ", out var v) || TryValue(line, "rename old ", out v))
            {
                _renameFrom = GitPathText.ReadName(v, n);
            }
            else if (TryValue(line, "rename to ", out v) || TryValue(line, "rename new ", out v))
            {
                _renameTo = GitPathText.ReadName(v, n);
            }
            else if (TryValue(line, "copy from ", out v))
            {
                _copyFrom = GitPathText.ReadName(v, n);
            }
            else if (TryValue(line, "copy to ", out v))
            {
                _copyTo = GitPathText.ReadName(v, n);
            }
            else
            {
                return false;
            }

            return true;
        }

        private bool AcceptIndexOrName(string line, int n)
        {
            if (TryValue(line, "similarity index ", out var v))
            {
                _similarity = int.TryParse(v.TrimEnd('%'), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
            }
            else if (TryValue(line, "dissimilarity index ", out _))
            {
                // Informational only.
            }
            else if (TryValue(line, "index ", out v))
            {
                ParseIndex(v, n);
            }
            else if (TryValue(line, "--- ", out v))
            {
                _minus = PrefixedName(v, n, out _minusIsNull);
            }
            else if (TryValue(line, "+++ ", out v))
            {
                _plus = PrefixedName(v, n, out _plusIsNull);
            }
            else
            {
                return false;
            }

            return true;
        }

        public FilePatch Build(string? headerOld, string? headerNew, IReadOnlyList<Hunk> hunks, BinaryPatch? binary, int start)
        {
            FileChangeKind kind;
            string? oldPath;
            string? newPath;
            if (_renameFrom is not null || _renameTo is not null)
            {
                kind = FileChangeKind.Rename;
                oldPath = _renameFrom ?? Missing("rename from", start);
                newPath = _renameTo ?? Missing("rename to", start);
            }
            else if (_copyFrom is not null || _copyTo is not null)
            {
                kind = FileChangeKind.Copy;
                oldPath = _copyFrom ?? Missing("copy from", start);
                newPath = _copyTo ?? Missing("copy to", start);
            }
            else if (_isNew || _minusIsNull)
            {
                kind = FileChangeKind.Add;
                oldPath = null;
                newPath = _plus ?? headerNew ?? Missing("file name", start);
            }
            else if (_isDelete || _plusIsNull)
            {
                kind = FileChangeKind.Delete;
                oldPath = _minus ?? headerOld ?? Missing("file name", start);
                newPath = null;
            }
            else
            {
                kind = FileChangeKind.Modify;
                oldPath = newPath = _plus ?? _minus ?? headerNew ?? headerOld ?? Missing("file name", start);
            }

            var oldMode = kind == FileChangeKind.Add ? null : _oldMode ?? _indexMode;
            var newMode = kind == FileChangeKind.Delete ? null : _newMode ?? _indexMode;
            return new FilePatch(oldPath, newPath, kind, oldMode, newMode, _oldId, _newId, _similarity, hunks, binary, start);
        }

        private void ParseIndex(string value, int n)
        {
            var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var ids = parts.Length > 0 ? parts[0].Split("..") : [];
            if (ids.Length != 2 || !GitObjectId.IsHex(ids[0]) || !GitObjectId.IsHex(ids[1]))
            {
                throw new PatchFormatException($"line {n}: malformed index line \"index {value}\"", n);
            }

            _oldId = ids[0].ToLowerInvariant();
            _newId = ids[1].ToLowerInvariant();
            if (parts.Length > 1)
            {
                _indexMode = Mode(parts[1], n);
            }
        }

        private static string? PrefixedName(string value, int n, out bool isNull)
        {
            var name = GitPathText.ReadName(value, n);
            isNull = string.Equals(name, GitPathText.DevNull, StringComparison.Ordinal);
            return isNull ? null : GitPathText.StripPrefix(name, n);
        }

        private static GitFileMode Mode(string text, int n) =>
            GitFileModes.TryParse(text.Trim()) ?? throw new PatchFormatException($"line {n}: invalid file mode \"{text}\"", n);

        private static bool TryValue(string line, string prefix, out string value)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                value = line[prefix.Length..];
                return true;
            }

            value = string.Empty;
            return false;
        }

        private static string Missing(string what, int start) =>
            throw new PatchFormatException($"line {start}: git diff header lacks {what} information", start);
    }
}
