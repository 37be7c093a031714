using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Unicode;
using Library = CsvHelper;

namespace CrmRelationship.Offline.Csv;

/// <summary>
/// Reads an RFC 4180 file for the offline scorer through CsvHelper: quoted values with doubled quotes,
/// embedded commas and line breaks; CRLF, LF or CR line ends; UTF-8 with or without a byte order mark,
/// or UTF-16/UTF-32 with one. Text that is not UTF-8 (or NUL bytes, as UTF-16 without a byte order mark
/// has) throws <see cref="CsvEncodingException"/> with its physical line, rather than silently mangling
/// names. Blank lines are skipped. Each record keeps the physical line it starts on, so a rejected row
/// can be found in an editor, and what is wrong with it: the quoting error CsvHelper found (for a quote
/// never closed, the line it opened on and how many lines it took in), or a value longer than
/// Dataverse's largest text column. Memory stays bounded: a record longer than the reader holds
/// (<see cref="DefaultMaxRecordBytes"/>) is followed to its end by <see cref="CsvRecordScanner"/>
/// without being held, and reading goes on after it with a new CsvHelper reader.
/// </summary>
internal sealed class CsvReader : IDisposable
{
    /// <summary>Dataverse's largest text column (a multiline text column's maximum), in characters: a longer value rejects its row.</summary>
    public const int MaxValueLength = 1_048_576;

    /// <summary>The longest record held in memory, in bytes of UTF-8.</summary>
    public const int DefaultMaxRecordBytes = 16 * 1024 * 1024;

    private const int ScanBufferSize = 64 * 1024;

    private readonly Stream stream;
    private readonly Encoding? transcodeFrom;
    private readonly int preambleLength;
    private readonly int maxRecordBytes;
    private readonly Library.CsvReaderOptions options;
    private readonly Queue<Library.CsvMalformedRecord> malformed = new();
    private readonly CsvRecordScanner scanner = new();
    private Library.CsvReader reader;
    private Stream? transcoding;
    private long records;
    private long lineBase;
    private long offsetBase;

    /// <param name="stream">The file, seekable (a record too long to hold is read again from its start).</param>
    /// <param name="maxRecordBytes">The longest record held in memory.</param>
    public CsvReader(Stream stream, int maxRecordBytes = DefaultMaxRecordBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            throw new ArgumentException("The CSV stream must be seekable.", nameof(stream));
        }

        this.stream = stream;
        this.maxRecordBytes = maxRecordBytes;
        (transcodeFrom, preambleLength) = DetectUnicode(stream);
        options = Library.CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = false,
            TrackLineNumbers = true,
            MaxRecordSize = maxRecordBytes,
            OnMalformedRecord = malformed.Enqueue,
        };
        reader = Open(0);
    }

    /// <summary>Bytes consumed from the underlying stream so far (for progress).</summary>
    public long BytesRead => stream.Position;

    /// <summary>Reads the next record into <paramref name="row"/>; false at the end of the file.</summary>
    public bool Read(CsvRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            if (!reader.Read())
            {
                return false;
            }
        }
        catch (Library.CsvFormatException ex)
        {
            // Quoting errors are recovered and field counts are not checked, so only a record longer than
            // MaxRecordSize throws; it is followed to its end without being held.
            SkipLongRecord(row, offsetBase + ex.ByteOffset, lineBase + ex.LineNumber);
            return true;
        }

        records++;
        var raw = reader.RawRecord;
        var line = lineBase + reader.LineNumber;
        if (!Utf8.IsValid(raw))
        {
            throw new CsvEncodingException(line + LineBreaksBefore(raw, FirstInvalidUtf8(raw)), nulBytes: false);
        }

        var nul = raw.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new CsvEncodingException(line + LineBreaksBefore(raw, nul), nulBytes: true);
        }

        row.Begin(reader, line, Error());
        if (row.Error == CsvRowError.UnclosedQuote)
        {
            scanner.Reset(MaxValueLength);
            scanner.Scan(raw);
            scanner.EndOfInput();
            SetUnclosedQuote(row, line);
        }
        else if (raw.Length > MaxValueLength)
        {
            CheckLengths(row, raw.Length);
        }

        return true;
    }

    public void Dispose()
    {
        reader.Dispose();
        transcoding?.Dispose();
        stream.Dispose();
    }

    private static (Encoding? Encoding, int PreambleLength) DetectUnicode(Stream stream)
    {
        Span<byte> head = stackalloc byte[4];
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        head = head[..length];
        return head switch
        {
            [0xFF, 0xFE, 0x00, 0x00] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4),
            [0x00, 0x00, 0xFE, 0xFF] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4),
            [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2),
            [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2),
            _ => (null, 0),
        };
    }

    /// <summary>A CsvHelper reader from <paramref name="offset"/> bytes into the file's UTF-8 (transcoded from UTF-16 or UTF-32 when the file is).</summary>
    private Library.CsvReader Open(long offset)
    {
        var input = OpenAt(offset);
        malformed.Clear();
        records = 0;
        offsetBase = offset;
        return Library.CsvReader.Create(input, options, leaveOpen: true);
    }

    /// <summary>Follows the record that starts at <paramref name="start"/> to its end, then reads on after it.</summary>
    private void SkipLongRecord(CsvRow row, long start, long line)
    {
        reader.Dispose();
        var input = OpenAt(start);
        scanner.Reset(MaxValueLength);
        var buffer = ArrayPool<byte>.Shared.Rent(ScanBufferSize);
        try
        {
            while (!scanner.Ended)
            {
                var read = input.Read(buffer, 0, ScanBufferSize);
                if (read == 0)
                {
                    scanner.EndOfInput();
                    break;
                }

                scanner.Scan(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        row.Begin(scanner, line, CsvRowError.None);
        if (scanner.QuoteNeverClosed)
        {
            SetUnclosedQuote(row, line);
        }
        else if (scanner.LongValue >= 0)
        {
            row.SetTooLong(CsvRowError.ValueTooLong, scanner.LongValue, scanner.LongValueChars);
        }
        else
        {
            row.SetTooLong(CsvRowError.RowTooLong, -1, scanner.Bytes - scanner.LineEndBytes);
        }

        var nextLine = line + scanner.LineBreaks + (scanner.EndsWithLineBreak ? 1 : 0);
        reader = Open(start + scanner.Bytes);
        lineBase = nextLine - 1;
    }

    /// <summary>The file's UTF-8 from <paramref name="offset"/> on.</summary>
    private Stream OpenAt(long offset)
    {
        if (transcodeFrom is null)
        {
            stream.Position = offset;
            return stream;
        }

        transcoding?.Dispose();
        stream.Position = preambleLength;
        transcoding = Encoding.CreateTranscodingStream(stream, transcodeFrom, Encoding.UTF8, leaveOpen: true);
        Skip(transcoding, offset);
        return transcoding;
    }

    private static void Skip(Stream input, long count)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ScanBufferSize);
        try
        {
            while (count > 0)
            {
                var read = input.Read(buffer, 0, (int)Math.Min(count, ScanBufferSize));
                if (read == 0)
                {
                    return;
                }

                count -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void SetUnclosedQuote(CsvRow row, long line)
    {
        var after = scanner.LineBreaks - scanner.LineBreaksBeforeQuote - (scanner.EndsInsideQuoteWithLineBreak ? 1 : 0);
        row.SetUnclosedQuote(line + scanner.LineBreaksBeforeQuote, Math.Max(0, after));
    }

    /// <summary>A record CsvHelper read whole that may hold a value longer than a Dataverse text column (it has more bytes than that has characters).</summary>
    private void CheckLengths(CsvRow row, int recordBytes)
    {
        if (recordBytes > maxRecordBytes)
        {
            row.SetTooLong(CsvRowError.RowTooLong, -1, recordBytes);
        }

        for (var i = 0; i < row.Count; i++)
        {
            var value = reader.GetSpan(i);
            if (value.Length > MaxValueLength)
            {
                var chars = Encoding.UTF8.GetCharCount(value);
                if (chars > MaxValueLength)
                {
                    row.SetTooLong(CsvRowError.ValueTooLong, i, chars);
                    return;
                }
            }
        }
    }

    /// <summary>The quoting error CsvHelper reported for the current record (a stray quote inside an unquoted value, as in 5" screen, is kept as text).</summary>
    private CsvRowError Error()
    {
        var error = CsvRowError.None;
        while (malformed.Count > 0 && malformed.Peek().RecordNumber <= records)
        {
            var report = malformed.Dequeue();
            if (report.RecordNumber == records && error == CsvRowError.None)
            {
                error = report.Reason switch
                {
                    Library.CsvMalformedReason.UnterminatedQuote => CsvRowError.UnclosedQuote,
                    Library.CsvMalformedReason.TextAfterClosingQuote => CsvRowError.TextAfterQuote,
                    _ => CsvRowError.None,
                };
            }
        }

        return error;
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> raw)
    {
        System.Text.Unicode.Utf8.ToUtf16(raw, new char[raw.Length], out var valid, out _, replaceInvalidSequences: false);
        return valid;
    }

    /// <summary>Line breaks (CR, LF or CRLF) in the record before byte <paramref name="index"/>.</summary>
    private static int LineBreaksBefore(ReadOnlySpan<byte> raw, int index)
    {
        var before = raw[..index];
        var breaks = 0;
        for (var i = 0; i < before.Length; i++)
        {
            if (before[i] == '\n' || (before[i] == '\r' && (i + 1 == before.Length || before[i + 1] != '\n')))
            {
                breaks++;
            }
        }

        return breaks;
    }
}

/// <summary>
/// The file is not UTF-8 text: <see cref="Line"/> is the physical line of the first byte that is not,
/// and <see cref="NulBytes"/> says it holds NUL bytes, as UTF-16 text without a byte order mark does.
/// </summary>
internal sealed class CsvEncodingException(long line, bool nulBytes) : Exception("Not UTF-8 text on line " + line + ".")
{
    public long Line { get; } = line;

    public bool NulBytes { get; } = nulBytes;
}
