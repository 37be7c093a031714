using System;
using System.Buffers;
using System.IO;
using System.Text;

namespace CrmRelationship.Offline.Csv;

/// <summary>
/// A streaming RFC 4180 reader for the offline scorer: quoted values with doubled quotes, embedded
/// commas and line breaks; CRLF, LF or CR line ends; UTF-8 with or without a byte order mark
/// (invalid UTF-8 throws <see cref="DecoderFallbackException"/> rather than silently mangling names).
/// Blank lines are skipped. Each record keeps the physical line it starts on, so a rejected row
/// can be found in an editor. Hand-written because it runs once per contact of a million-row book.
/// </summary>
public sealed class CsvReader : IDisposable
{
    private const int BufferSize = 1 << 16;
    private static readonly SearchValues<char> UnquotedStops = SearchValues.Create(",\r\n");
    private static readonly SearchValues<char> QuotedStops = SearchValues.Create("\"\r\n");

    private readonly StreamReader reader;
    private readonly char[] buffer = new char[BufferSize];
    private int position;
    private int length;
    private long line = 1;

    public CsvReader(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        reader = new StreamReader(stream, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true, bufferSize: BufferSize);
    }

    /// <summary>Bytes consumed from the underlying stream so far (for progress).</summary>
    public long BytesRead => reader.BaseStream.CanSeek ? reader.BaseStream.Position : 0;

    /// <summary>The physical line being read (for a message about undecodable text).</summary>
    public long Line => line;

    /// <summary>Reads the next record into <paramref name="row"/>; false at the end of the file.</summary>
    public bool Read(CsvRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        while (true)
        {
            var c = Peek();
            if (c < 0)
            {
                return false;
            }

            if (c == '\r' || c == '\n')
            {
                position++;
                EndOfLine(c);
                continue;
            }

            row.Begin(line);
            ReadRecord(row);
            return true;
        }
    }

    public void Dispose() => reader.Dispose();

    private void ReadRecord(CsvRow row)
    {
        while (true)
        {
            row.StartValue();
            var stop = Peek() == '"' ? ReadQuoted(row) : ReadUnquoted(row);
            if (stop == ',')
            {
                continue;
            }

            if (stop >= 0)
            {
                EndOfLine(stop);
            }

            return;
        }
    }

    /// <summary>Reads to the next comma, line break or end; returns what stopped it (consumed), or -1.</summary>
    private int ReadUnquoted(CsvRow row)
    {
        while (true)
        {
            if (position == length && !Fill())
            {
                return -1;
            }

            var span = buffer.AsSpan(position, length - position);
            var stop = span.IndexOfAny(UnquotedStops);
            if (stop < 0)
            {
                row.Append(span);
                position = length;
                continue;
            }

            row.Append(span[..stop]);
            position += stop + 1;
            return span[stop];
        }
    }

    private int ReadQuoted(CsvRow row)
    {
        position++; // the opening quote
        while (true)
        {
            if (position == length && !Fill())
            {
                row.Error = CsvRowError.UnclosedQuote;
                return -1;
            }

            var span = buffer.AsSpan(position, length - position);
            var stop = span.IndexOfAny(QuotedStops);
            if (stop < 0)
            {
                row.Append(span);
                position = length;
                continue;
            }

            row.Append(span[..stop]);
            position += stop + 1;
            var c = span[stop];
            if (c == '\n')
            {
                line++;
                row.Append('\n');
                continue;
            }

            if (c == '\r')
            {
                line++;
                row.Append('\r');
                if (Peek() == '\n')
                {
                    position++;
                    row.Append('\n');
                }

                continue;
            }

            if (Peek() == '"')
            {
                position++;
                row.Append('"');
                continue;
            }

            return AfterClosingQuote(row);
        }
    }

    private int AfterClosingQuote(CsvRow row)
    {
        var before = row[row.Count - 1].Length;
        var stop = ReadUnquoted(row);
        if (row[row.Count - 1].Length > before && row.Error == CsvRowError.None)
        {
            row.Error = CsvRowError.TextAfterQuote;
        }

        return stop;
    }

    private void EndOfLine(int c)
    {
        line++;
        if (c == '\r' && Peek() == '\n')
        {
            position++;
        }
    }

    private int Peek()
    {
        if (position == length && !Fill())
        {
            return -1;
        }

        return buffer[position];
    }

    private bool Fill()
    {
        length = reader.Read(buffer, 0, buffer.Length);
        position = 0;
        return length > 0;
    }
}
