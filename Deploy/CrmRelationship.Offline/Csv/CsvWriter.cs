using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Text;

namespace CrmRelationship.Offline.Csv;

/// <summary>
/// Writes RFC 4180 CSV the way the reader reads it: UTF-8 with a byte order mark (so Excel shows
/// names correctly), CRLF between records, a value quoted only when it holds a comma, quote or line
/// break. Values are written from spans, so carrying an input value through costs no string.
/// </summary>
public sealed class CsvWriter : IDisposable
{
    private const int BufferSize = 1 << 16;
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    private readonly StreamWriter writer;
    private bool inRecord;

    public CsvWriter(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), BufferSize);
    }

    public void Write(ReadOnlySpan<char> value)
    {
        if (inRecord)
        {
            writer.Write(',');
        }

        inRecord = true;
        if (value.IndexOfAny(NeedsQuotes) < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        while (true)
        {
            var quote = value.IndexOf('"');
            if (quote < 0)
            {
                writer.Write(value);
                break;
            }

            writer.Write(value[..(quote + 1)]);
            writer.Write('"');
            value = value[(quote + 1)..];
        }

        writer.Write('"');
    }

    public void Write(string? value) => Write(value.AsSpan());

    public void Write(int? value)
    {
        if (value is null)
        {
            Write(ReadOnlySpan<char>.Empty);
            return;
        }

        Span<char> text = stackalloc char[12];
        value.Value.TryFormat(text, out var written, default, CultureInfo.InvariantCulture);
        Write(text[..written]);
    }

    /// <summary>A date as yyyy-MM-dd (the time of day is not written); empty when null.</summary>
    public void WriteDate(DateTime? value)
    {
        if (value is null)
        {
            Write(ReadOnlySpan<char>.Empty);
            return;
        }

        Span<char> text = stackalloc char[10];
        value.Value.TryFormat(text, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Write(text[..written]);
    }

    public void EndRecord()
    {
        writer.Write("\r\n");
        inRecord = false;
    }

    public void Flush() => writer.Flush();

    public void Dispose() => writer.Dispose();
}
