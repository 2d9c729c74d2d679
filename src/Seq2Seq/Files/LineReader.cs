using System.Text;

namespace Seq2Seq.Files;

/// <summary>
/// Reads UTF-8 lines from a stream as they arrive (a pipe, a terminal, a file), under the rules of
/// every text input here: a byte-order mark at the start is skipped, a line ends at '\n' or "\r\n",
/// a final newline does not start another line, and invalid UTF-8 is an error naming the input and
/// line. <see cref="ReadLine"/> returns as soon as a whole line is there, so a program can answer
/// each line of an interactive session before the next is typed. A line longer than
/// <c>maxLineBytes</c> is an error, so an input without newlines cannot grow memory without bound.
/// </summary>
public sealed class LineReader
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Longest line a stream may send by default: far beyond any sentence.</summary>
    public const int DefaultMaxLineBytes = 1 << 20;

    private readonly Stream stream;
    private readonly string name;
    private readonly int maxLineBytes;
    private byte[] buffer = new byte[64 * 1024];
    private int start, end;
    private bool atEnd, started;

    /// <summary>Lines returned so far (the 1-based number of the last one).</summary>
    public int LineNumber { get; private set; }

    /// <param name="name">names the input in errors: a path, or "standard input"</param>
    public LineReader(Stream stream, string name, int maxLineBytes = DefaultMaxLineBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        (this.stream, this.name, this.maxLineBytes) = (stream, name, maxLineBytes);
    }

    /// <summary>The next line, or null at the end of the input. Blocks until a whole line (or the end) has arrived.</summary>
    /// <exception cref="UserError">invalid UTF-8, a line over the limit, or a read error</exception>
    public string? ReadLine()
    {
        int newline;
        while (!started || (newline = Array.IndexOf(buffer, (byte)'\n', start, end - start)) < 0)
        {
            if (end - start > maxLineBytes) throw new UserError($"{name}:{LineNumber + 1}: line longer than {maxLineBytes:N0} bytes");
            if (atEnd && started) return end > start ? Decode(start, end, end) : null;
            Fill();
        }
        if (newline - start > maxLineBytes) throw new UserError($"{name}:{LineNumber + 1}: line longer than {maxLineBytes:N0} bytes");
        return Decode(start, newline, newline + 1);
    }

    private string Decode(int from, int stop, int next)
    {
        int length = stop - from;
        if (length > 0 && buffer[from + length - 1] == (byte)'\r') length--;
        LineNumber++;
        string line;
        try
        {
            line = Strict.GetString(buffer, from, length);
        }
        catch (DecoderFallbackException)
        {
            throw new UserError($"{name}:{LineNumber}: invalid UTF-8");
        }
        start = next;
        return line;
    }

    /// <summary>Reads more bytes behind the ones waiting, moving or growing the buffer as needed.</summary>
    private void Fill()
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            (start, end) = (0, end - start);
        }
        if (end == buffer.Length) Array.Resize(ref buffer, (int)Math.Min(Array.MaxLength, 2L * buffer.Length));
        int read;
        try
        {
            read = stream.Read(buffer, end, buffer.Length - end);
        }
        catch (IOException e)
        {
            throw new UserError($"{name}: cannot read ({e.Message})");
        }
        if (read == 0) atEnd = true;
        end += read;
        if (!started) SkipByteOrderMark();
    }

    /// <summary>Once the first bytes tell: skips a byte-order mark, and lines may be returned.</summary>
    private void SkipByteOrderMark()
    {
        ReadOnlySpan<byte> mark = [0xEF, 0xBB, 0xBF];
        var head = buffer.AsSpan(0, Math.Min(end, 3));
        if (!atEnd && head.Length < 3 && mark.StartsWith(head)) return; // a mark may still be arriving
        started = true;
        if (head.SequenceEqual(mark)) start = 3;
    }

    /// <summary>All remaining lines.</summary>
    public List<string> ReadToEnd()
    {
        var lines = new List<string>();
        while (ReadLine() is { } line) lines.Add(line);
        return lines;
    }
}
