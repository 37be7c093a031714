using System;
using System.IO;
using Library = CsvHelper;

namespace CrmRelationship.Offline.Csv;

/// <summary>
/// Writes RFC 4180 CSV through CsvHelper, the way <see cref="CsvReader"/> reads it: UTF-8 with a byte
/// order mark (so Excel shows names correctly), CRLF between records, a value quoted only when it
/// holds a comma, quote or line break. Values are written from spans, and a value carried through
/// from the input is copied as its UTF-8 bytes, so neither costs a string. Excel-safe output puts ' in
/// front of a text value that starts with =, +, -, @, tab or carriage return (CsvHelper's CSV injection
/// escape, as OWASP recommends), so that a spreadsheet shows it as text instead of running it as a
/// formula; numbers and dates are never changed.
/// </summary>
internal sealed class CsvWriter : IDisposable
{
    private static readonly Library.CsvWriterOptions Options = Library.CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        NewLine = "\r\n",
        Quoting = Library.CsvQuoting.WhenNeeded,
    };

    private static readonly Library.CsvWriterOptions ExcelSafeOptions = Options with { Injection = Library.CsvInjection.Escape };

    private readonly Library.CsvWriter writer;
    private bool disposed;

    /// <param name="stream">Where to write.</param>
    /// <param name="excelSafe">Whether a text value that a spreadsheet would run as a formula gets a ' in front.</param>
    public CsvWriter(Stream stream, bool excelSafe = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        writer = Library.CsvWriter.Create(stream, excelSafe ? ExcelSafeOptions : Options, leaveOpen: false);
    }

    public void Write(ReadOnlySpan<char> value) => writer.WriteField(value);

    public void Write(string? value) => writer.WriteField(value.AsSpan());

    /// <summary>Value <paramref name="index"/> of a row being read, unchanged.</summary>
    public void Write(CsvRow row, int index)
    {
        ArgumentNullException.ThrowIfNull(row);
        writer.WriteField(row.Utf8(index));
    }

    public void Write(int? value)
    {
        if (value is null)
        {
            writer.WriteField(ReadOnlySpan<char>.Empty);
            return;
        }

        writer.WriteField(value.Value, ReadOnlySpan<char>.Empty);
    }

    /// <summary>A date as yyyy-MM-dd (the time of day is not written); empty when null.</summary>
    public void WriteDate(DateTime? value)
    {
        if (value is null)
        {
            writer.WriteField(ReadOnlySpan<char>.Empty);
            return;
        }

        writer.WriteField(value.Value, "yyyy-MM-dd");
    }

    public void EndRecord() => writer.EndRecord();

    public void Flush() => writer.Flush();

    /// <summary>Flushes and closes the stream; calling it again does nothing.</summary>
    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            writer.Dispose();
        }
    }
}
