using System.Globalization;
using System.Text;

namespace Mtcopy.Core.Tests.Smoke;

/// <summary>A minimal newc reader for the tests: checks magic, padding and the trailer while reading.</summary>
internal static class CpioTestReader
{
    public sealed record Record(
        string Name, uint Inode, uint Mode, uint Uid, uint Gid, uint NLink, uint MTime,
        uint RDevMajor, uint RDevMinor, byte[] Data, long HeaderOffset);

    /// <summary>All records up to and including the trailer; throws on any format error.</summary>
    public static List<Record> Read(byte[] archive)
    {
        var records = new List<Record>();
        int offset = 0;
        while (true)
        {
            if (offset % 4 != 0)
            {
                throw new FormatException($"header at {offset} is not 4-byte aligned");
            }

            string header = Encoding.ASCII.GetString(archive, offset, 110);
            if (!header.StartsWith("070701", StringComparison.Ordinal))
            {
                throw new FormatException($"bad magic at {offset}: {header[..6]}");
            }

            uint Field(int index) => uint.Parse(header.AsSpan(6 + (index * 8), 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            int nameSize = (int)Field(11);
            int fileSize = (int)Field(6);
            if (archive[offset + 110 + nameSize - 1] != 0)
            {
                throw new FormatException("name is not NUL-terminated");
            }

            string name = Encoding.UTF8.GetString(archive, offset + 110, nameSize - 1);
            int dataStart = Align(offset + 110 + nameSize);
            CheckZeros(archive, offset + 110 + nameSize, dataStart);
            byte[] data = archive[dataStart..(dataStart + fileSize)];
            int next = Align(dataStart + fileSize);
            CheckZeros(archive, dataStart + fileSize, next);
            records.Add(new Record(name, Field(0), Field(1), Field(2), Field(3), Field(4), Field(5), Field(9), Field(10), data, offset));
            offset = next;
            if (name == "TRAILER!!!")
            {
                if (offset != archive.Length)
                {
                    throw new FormatException($"{archive.Length - offset} bytes after the trailer");
                }

                return records;
            }
        }
    }

    private static int Align(int offset) => (offset + 3) & ~3;

    private static void CheckZeros(byte[] archive, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (archive[i] != 0)
            {
                throw new FormatException($"padding byte at {i} is not zero");
            }
        }
    }
}
