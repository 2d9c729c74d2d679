using Seq2Seq.Files;
using System.Text;

namespace Seq2Seq.Tests.Files;

public class LineReaderTests
{
    /// <summary>A stream that hands out its bytes a few at a time, as a pipe or a terminal does.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : Stream
    {
        private int position;
        public int Reads { get; private set; }
        public override int Read(byte[] buffer, int offset, int count)
        {
            Reads++;
            int n = Math.Min(Math.Min(chunk, count), bytes.Length - position);
            Array.Copy(bytes, position, buffer, offset, n);
            position += n;
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static List<string> Read(byte[] bytes, int chunk) => new LineReader(new TrickleStream(bytes, chunk), "input").ReadToEnd();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(100_000)]
    public void SameLinesWhateverTheReadSizes(int chunk)
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("eins\r\nzwei größer\n\ndrei")];
        Assert.Equal(["eins", "zwei größer", "", "drei"], Read(bytes, chunk));
        Assert.Equal(["a", "b"], Read(Encoding.UTF8.GetBytes("a\nb\n"), chunk));
        Assert.Empty(Read([], chunk));
        Assert.Equal(["\uFEFFnot a mark"], Read([.. Encoding.UTF8.GetBytes("x\n"), 0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("not a mark")], chunk)[1..]);
    }

    [Fact]
    public void ALineIsReturnedWithoutWaitingForMoreInput()
    {
        // Three bytes at a time: "ab\n" is one read; the reader must not ask for more before returning it.
        var stream = new TrickleStream(Encoding.UTF8.GetBytes("ab\ncd\n"), 3);
        var reader = new LineReader(stream, "input");
        Assert.Equal("ab", reader.ReadLine());
        Assert.Equal(1, stream.Reads);
        Assert.Equal("cd", reader.ReadLine());
        Assert.Null(reader.ReadLine());
    }

    [Fact]
    public void InvalidUtf8NamesTheLine()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("gut\nauch gut\n"), 0xC3, 0x28, (byte)'\n'];
        var reader = new LineReader(new TrickleStream(bytes, 4), "standard input");
        Assert.Equal("gut", reader.ReadLine());
        Assert.Equal("auch gut", reader.ReadLine());
        var e = Assert.Throws<UserError>(() => reader.ReadLine());
        Assert.Equal("standard input:3: invalid UTF-8", e.Message);
    }

    [Fact]
    public void AnEndlessLineIsAnErrorNotAnAllocation()
    {
        var reader = new LineReader(new TrickleStream(new byte[10_000], 1000), "standard input", maxLineBytes: 4096);
        var e = Assert.Throws<UserError>(() => reader.ReadLine());
        Assert.Equal("standard input:1: line longer than 4,096 bytes", e.Message);
        Assert.Equal("x", new LineReader(new MemoryStream(Encoding.UTF8.GetBytes("x\n" + new string('y', 5000))), "f", 4096).ReadLine());
    }
}
