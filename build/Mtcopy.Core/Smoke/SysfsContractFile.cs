using System.Text;
using Mtcopy.Core.Series.Manifest;

namespace Mtcopy.Core.Smoke;

/// <summary>
/// The manifest's sysfs contract as the guest test program reads it (/etc/mtcopy/contract):
/// <c>dir D</c>, then per attribute <c>rw NAME DEFAULT</c> or <c>ro NAME</c>, then
/// <c>valid NAME VALUE</c> and <c>invalid NAME VALUE</c> lines (a value may be empty).
/// </summary>
public static class SysfsContractFile
{
    public static string Render(SysfsSpec sysfs)
    {
        ArgumentNullException.ThrowIfNull(sysfs);
        var text = new StringBuilder("# mtcopy sysfs contract, rendered from the series manifest\n");
        text.Append("dir ").Append(sysfs.Directory).Append('\n');
        foreach (SysfsAttributeSpec attribute in sysfs.Attributes)
        {
            text.Append(attribute.Access == SysfsAccess.ReadWrite
                ? $"rw {attribute.Name} {attribute.Default}\n"
                : $"ro {attribute.Name}\n");
        }

        foreach (SysfsAttributeSpec attribute in sysfs.Attributes)
        {
            foreach (string value in attribute.Valid)
            {
                text.Append("valid ").Append(attribute.Name).Append(' ').Append(value).Append('\n');
            }

            foreach (string value in attribute.Invalid)
            {
                text.Append("invalid ").Append(attribute.Name).Append(' ').Append(value).Append('\n');
            }
        }

        return text.ToString();
    }
}
