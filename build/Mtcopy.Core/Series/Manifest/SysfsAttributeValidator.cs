namespace Mtcopy.Core.Series.Manifest;

/// <summary>Rules for one entry of <c>sysfs.attributes</c>.</summary>
internal static class SysfsAttributeValidator
{
    public static void Check(SysfsAttributeSpec attribute, YamlPath path, ManifestChecks checks)
    {
        checks.Matches(path.Key("name"), attribute.Name, ManifestPatterns.SysfsName(),
            "name the attribute file (letters, digits, '_', '.', '-')");
        var mode = attribute.Mode;
        if (mode is not (SysfsAttributeSpec.ReadOnlyMode or SysfsAttributeSpec.ReadWriteMode))
        {
            checks.Fail(path.Key("mode"), $"'{mode}' is not a mode; use ro (read-only) or rw (read-write)");
            return;
        }

        if (mode == SysfsAttributeSpec.ReadOnlyMode)
        {
            foreach (var (key, values) in new[] { ("valid", attribute.Valid), ("invalid", attribute.Invalid) })
            {
                if (values.Count > 0)
                {
                    checks.Fail(path.Key(key),
                        $"a read-only attribute is never written; remove '{key}' or make the mode rw");
                }
            }

            return;
        }

        CheckValues(path.Key("valid"), attribute.Valid, checks);
        CheckValues(path.Key("invalid"), attribute.Invalid, checks);
        for (var i = 0; i < attribute.Invalid.Count; i++)
        {
            if (attribute.Invalid[i] is { } value && attribute.Valid.Contains(value))
            {
                checks.Fail(path.Key("invalid").Index(i), $"'{value}' is also listed as valid; keep it in one list");
            }
        }
    }

    private static void CheckValues(YamlPath path, IReadOnlyList<string> values, ManifestChecks checks)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is null)
            {
                checks.Fail(path.Index(i), "has no value; quote an empty value as \"\"");
            }
            else if (values[i].Contains('\n', StringComparison.Ordinal))
            {
                checks.Fail(path.Index(i), "must be a single line; one value per item");
            }
        }

        checks.Unique(path, values, "list each value once");
    }
}
