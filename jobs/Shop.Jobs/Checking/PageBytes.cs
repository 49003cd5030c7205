using System.IO.Compression;
using System.Text;

namespace Shop.Jobs.Checking;

/// <summary>Thrown for input that cannot be checked; the message is the one-line reason the check output shows.</summary>
public sealed class PageRejectedException(string reason) : Exception(reason);

/// <summary>Reads a page's bytes under the caps (gzip inflated with the same cap) and refuses what is not HTML
/// before any parser sees it.</summary>
internal static class PageBytes
{
    public static async Task<byte[]> ReadAsync(Stream body, long maxBytes, CancellationToken ct)
    {
        var head = new byte[2];
        var headLength = await ReadAtLeastAsync(body, head, ct);
        Stream source = body;
        var prefix = head.AsMemory(0, headLength);
        if (headLength == 2 && head[0] == 0x1f && head[1] == 0x8b)
        {
            source = new GZipStream(new PrefixedStream(prefix.ToArray(), body), CompressionMode.Decompress, leaveOpen: true);
            prefix = Memory<byte>.Empty;
        }
        // Sized from the stream's length where it has one (a file, a buffer): no regrowing copies.
        var expected = source == body && body.CanSeek ? body.Length - body.Position + headLength : 0;
        using var buffer = new MemoryStream(expected is > 0 and <= int.MaxValue && maxBytes > 0 ? (int)Math.Min(expected, maxBytes) : 0);
        buffer.Write(prefix.Span);
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            while (true)
            {
                var read = await source.ReadAsync(chunk.AsMemory(0, 81920), ct);
                if (read == 0) break;
                if (buffer.Length + read > maxBytes)
                {
                    throw new PageRejectedException(source == body
                        ? $"page is larger than the {Size(maxBytes)} cap"
                        : $"page inflates to more than the {Size(maxBytes)} cap");
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            throw new PageRejectedException("gzip data is corrupt");
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
            if (source != body) await source.DisposeAsync();
        }
        // The buffer itself when it is exactly full (it was sized from the length), else a copy of what it holds.
        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }

    private static async Task<int> ReadAtLeastAsync(Stream s, byte[] into, CancellationToken ct)
    {
        var total = 0;
        while (total < into.Length)
        {
            var read = await s.ReadAsync(into.AsMemory(total), ct);
            if (read == 0) break;
            total += read;
        }
        return total;
    }

    public static string Size(long bytes) => bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
        ? $"{bytes / (1024 * 1024)} MB"
        : bytes >= 1024 ? $"{bytes / 1024} KB" : $"{bytes} bytes";

    /// <summary>Refuses empty, binary and non-HTML input and pathological nesting, with the reason.</summary>
    public static void Screen(ReadOnlySpan<byte> bytes, string? contentType, int maxDepth)
    {
        if (bytes.Length == 0) throw new PageRejectedException("page is empty");
        var utf16 = LooksUtf16(bytes, contentType);
        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        if (!utf16)
        {
            var controls = 0;
            foreach (var b in sample)
            {
                if (b < 0x09 || b is > 0x0d and < 0x20 && b != 0x1b) controls++;
            }
            if (controls > sample.Length / 10) throw new PageRejectedException("binary content, not HTML");
        }
        if (contentType is not null && !IsHtmlish(contentType))
        {
            throw new PageRejectedException($"content type {contentType.Split(';')[0].Trim()} is not HTML");
        }
        Span<char> head = stackalloc char[8 * 1024];
        var text = Ascii(bytes[..Math.Min(bytes.Length, 8 * 1024)], utf16, head);
        var first = text.TrimStart("\uFEFF \t\r\n\0");
        if (first.Length == 0) throw new PageRejectedException("page is blank");
        if (first[0] is '{' or '[') throw new PageRejectedException("not HTML (looks like JSON)");
        if (!HasMarkup(text)) throw new PageRejectedException("not HTML (no HTML markup found)");
        var depth = MaxNesting(bytes);
        if (depth > maxDepth) throw new PageRejectedException($"elements nested deeper than the cap of {maxDepth}");
    }

    private static bool IsHtmlish(string contentType)
    {
        var media = contentType.Split(';')[0].Trim().ToLowerInvariant();
        return media.Length == 0 || media is "text/html" or "application/xhtml+xml" or "text/plain" or "application/octet-stream" or "text/xml" or "application/xml";
    }

    private static bool LooksUtf16(ReadOnlySpan<byte> bytes, string? contentType)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xff && bytes[1] == 0xfe) || (bytes[0] == 0xfe && bytes[1] == 0xff))) return true;
        if (contentType?.Contains("utf-16", StringComparison.OrdinalIgnoreCase) == true) return true;
        // UTF-16 without a BOM: every other byte of ASCII markup is zero.
        var n = Math.Min(bytes.Length, 512) & ~1;
        if (n < 16) return false;
        int evenZero = 0, oddZero = 0;
        for (var i = 0; i < n; i += 2)
        {
            if (bytes[i] == 0) evenZero++;
            if (bytes[i + 1] == 0) oddZero++;
        }
        return evenZero > n * 2 / 5 || oddZero > n * 2 / 5;
    }

    /// <summary>The bytes as ASCII characters (others as spaces) into a caller's buffer, no string made.</summary>
    private static ReadOnlySpan<char> Ascii(ReadOnlySpan<byte> bytes, bool dropZeros, Span<char> into)
    {
        var n = 0;
        foreach (var b in bytes)
        {
            if (b == 0 && dropZeros) continue;
            into[n++] = b < 0x80 ? (char)b : ' ';
        }
        return into[..n];
    }

    private static readonly string[] MarkupTags =
        ["<html", "<head", "<body", "<!doctype", "<meta", "<title", "<div", "<p", "<h1", "<table", "<ul", "<span", "<script", "<section", "<main", "<article", "<a "];

    private static bool HasMarkup(ReadOnlySpan<char> text)
    {
        if (text.Length == 8 * 1024 && text.Contains('<') && text.Contains('>')) return true;
        foreach (var tag in MarkupTags)
        {
            if (text.Contains(tag, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static readonly HashSet<string> NoNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        // void elements, and the ones whose end tags are optional (a new one closes the old one)
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "rt", "rp", "colgroup",
        "html", "head", "body",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NoNestingLookup = NoNesting.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Counts open tags minus close tags over the raw bytes: a linear, allocation-light upper bound of the
    /// nesting the parser would build (script text may inflate it, never deflate it much).</summary>
    internal static int MaxNesting(ReadOnlySpan<byte> bytes)
    {
        int depth = 0, max = 0;
        Span<char> name = stackalloc char[10];
        var i = 0;
        while (i < bytes.Length)
        {
            var lt = bytes[i..].IndexOf((byte)'<');
            if (lt < 0) break;
            i += lt + 1;
            i = SkipZeros(bytes, i);
            if (i >= bytes.Length) break;
            var closing = bytes[i] == '/';
            if (closing) i = SkipZeros(bytes, i + 1);
            var n = 0;
            while (i < bytes.Length && (IsAsciiLetterOrDigit(bytes[i]) || bytes[i] == 0))
            {
                if (bytes[i] != 0 && n < name.Length) name[n++] = (char)(bytes[i] | 0x20);
                i++;
            }
            if (n == 0 || !char.IsAsciiLetter(name[0])) continue;
            var tag = name[..n];
            if (NoNestingLookup.Contains(tag)) continue;
            if (closing) { if (depth > 0) depth--; continue; }
            if (tag is "script" or "style" or "textarea" or "title")
            {
                // raw text: skip to its end tag so markup-like text inside does not count
                var endTag = "</" + tag.ToString();
                var end = IndexOfIgnoreCase(bytes, i, endTag);
                i = end < 0 ? bytes.Length : end + endTag.Length;
                continue;
            }
            var gt = bytes[i..].IndexOf((byte)'>');
            if (gt > 0 && bytes[i + gt - 1] == '/') continue;
            if (++depth > max) max = depth;
        }
        return max;
    }

    private static bool IsAsciiLetterOrDigit(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9';

    private static int SkipZeros(ReadOnlySpan<byte> bytes, int i)
    {
        while (i < bytes.Length && bytes[i] == 0) i++;
        return i;
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> bytes, int from, string needle)
    {
        var first = (byte)needle[0];
        var i = from;
        while (i < bytes.Length)
        {
            var at = bytes[i..].IndexOf(first);
            if (at < 0) return -1;
            i += at;
            if (i + needle.Length <= bytes.Length)
            {
                var match = true;
                for (var k = 1; k < needle.Length && match; k++) match = (bytes[i + k] | 0x20) == (needle[k] | 0x20);
                if (match) return i;
            }
            i++;
        }
        return -1;
    }

    /// <summary>A stream that first returns bytes already read (the sniffed gzip magic), then the rest.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
    {
        private int _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public override int Read(Span<byte> buffer)
        {
            if (_position < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - _position);
                prefix.AsSpan(_position, n).CopyTo(buffer);
                _position += n;
                return n;
            }
            return rest.Read(buffer);
        }
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position < prefix.Length) return Read(buffer.Span);
            return await rest.ReadAsync(buffer, cancellationToken);
        }
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
