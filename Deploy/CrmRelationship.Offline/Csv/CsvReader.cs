using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Unicode;
using Library = CsvHelper;

namespace CrmRelationship.Offline.Csv;

/// <summary>
/// Reads an RFC 4180 file for the offline scorer through CsvHelper: quoted values with doubled quotes,
/// embedded commas and line breaks; CRLF, LF or CR line ends; UTF-8 with or without a byte order mark
/// (text that is not UTF-8 throws <see cref="CsvEncodingException"/> with its physical line, rather than
/// silently mangling names). Blank lines are skipped. Each record keeps the physical line it starts on,
/// so a rejected row can be found in an editor, and the quoting error CsvHelper found in it, if any.
/// </summary>
internal sealed class CsvReader : IDisposable
{
    private readonly Stream stream;
    private readonly Library.CsvReader reader;
    private readonly Queue<Library.CsvMalformedRecord> malformed = new();
    private long records;

    public CsvReader(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        this.stream = stream;
        var options = Library.CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = false,
            TrackLineNumbers = true,
            OnMalformedRecord = malformed.Enqueue,
        };
        reader = Library.CsvReader.Create(stream, options, leaveOpen: false);
    }

    /// <summary>Bytes consumed from the underlying stream so far (for progress).</summary>
    public long BytesRead => stream.CanSeek ? stream.Position : 0;

    /// <summary>Reads the next record into <paramref name="row"/>; false at the end of the file.</summary>
    public bool Read(CsvRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!reader.Read())
        {
            return false;
        }

        records++;
        var raw = reader.RawRecord;
        if (!Utf8.IsValid(raw))
        {
            throw new CsvEncodingException(reader.LineNumber + LineBreaksBeforeInvalidUtf8(raw));
        }

        row.Begin(reader, reader.LineNumber, Error());
        return true;
    }

    public void Dispose() => reader.Dispose();

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

    private static int LineBreaksBeforeInvalidUtf8(ReadOnlySpan<byte> raw)
    {
        System.Text.Unicode.Utf8.ToUtf16(raw, new char[raw.Length], out var valid, out _, replaceInvalidSequences: false);
        var before = raw[..valid];
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

/// <summary>The file is not UTF-8 text: <see cref="Line"/> is the physical line of the first byte that is not.</summary>
internal sealed class CsvEncodingException(long line) : Exception("Not UTF-8 text on line " + line + ".")
{
    public long Line { get; } = line;
}
