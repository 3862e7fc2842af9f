using System.IO.Compression;
using System.Text;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Core.Tests.Packaging;

public sealed class DeterministicGzipTests
{
    [Fact]
    public void Header_is_fixed_max_compression_unix_and_the_data_round_trips()
    {
        byte[] data = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("mtcopy changelog line\n", 50)));

        byte[] gz = DeterministicGzip.Compress(data);

        Assert.Equal(new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3 }, gz[..10]);
        Assert.Equal(gz, DeterministicGzip.Compress(data));
        using var gzip = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
        using var back = new MemoryStream();
        gzip.CopyTo(back);
        Assert.Equal(data, back.ToArray());
    }
}
