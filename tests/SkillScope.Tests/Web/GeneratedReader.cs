namespace SkillScope.Tests.Web;

/// <summary>prefix + <c>count</c> copies of <c>fill</c> + suffix, produced on demand: a 50 MB input without 50 MB in memory.</summary>
internal sealed class GeneratedReader(string prefix, char fill, long count, string suffix) : TextReader
{
    private long _pos;
    private readonly long _length = prefix.Length + count + suffix.Length;

    public override int Peek() => _pos < _length ? CharAt(_pos) : -1;

    public override int Read() => _pos < _length ? CharAt(_pos++) : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var n = (int)Math.Min(buffer.Length, _length - _pos);
        for (var i = 0; i < n; i++)
        {
            buffer[i] = CharAt(_pos + i);
        }

        _pos += n;
        return n;
    }

    private char CharAt(long i) =>
        i < prefix.Length ? prefix[(int)i]
        : i < prefix.Length + count ? fill
        : suffix[(int)(i - prefix.Length - count)];
}
