using System;
using Library = CsvHelper;

namespace CrmRelationship.Offline.Csv;

/// <summary>What went wrong with the CSV syntax of one row; the row's values are still readable.</summary>
internal enum CsvRowError
{
    None,

    /// <summary>A quoted value runs to the end of the file.</summary>
    UnclosedQuote,

    /// <summary>Text follows a closing quote before the next comma or line break.</summary>
    TextAfterQuote,

    /// <summary>A value is longer than <see cref="CsvReader.MaxValueLength"/> characters: <see cref="CsvRow.ErrorValue"/> and <see cref="CsvRow.ErrorSize"/> say which and how long.</summary>
    ValueTooLong,

    /// <summary>The record is longer than the reader holds (<see cref="CsvRow.ErrorSize"/> bytes), though no single value is too long.</summary>
    RowTooLong,
}

/// <summary>
/// One record read by <see cref="CsvReader"/>: its unescaped values as UTF-16 spans, decoded only when
/// asked for into one buffer reused row after row (no string per value), and the physical line the
/// record starts on. A value must be copied (<see cref="GetString"/>) if it is kept beyond the next read.
/// </summary>
internal sealed class CsvRow
{
    private char[] chars = new char[1024];
    private int length;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private Library.CsvReader? source;
    private CsvRecordScanner? scanned;

    /// <summary>Number of values in the record.</summary>
    public int Count { get; private set; }

    /// <summary>The 1-based physical line of the file on which the record starts.</summary>
    public long Line { get; private set; }

    public CsvRowError Error { get; private set; }

    /// <summary>For <see cref="CsvRowError.ValueTooLong"/>: the index of the value.</summary>
    public int ErrorValue { get; private set; } = -1;

    /// <summary>For <see cref="CsvRowError.ValueTooLong"/>: the value's length in characters; for <see cref="CsvRowError.RowTooLong"/>: the record's in bytes.</summary>
    public long ErrorSize { get; private set; }

    /// <summary>For <see cref="CsvRowError.UnclosedQuote"/>: the physical line on which the quote opens.</summary>
    public long QuoteLine { get; private set; }

    /// <summary>For <see cref="CsvRowError.UnclosedQuote"/>: the lines after <see cref="QuoteLine"/> that the quote took in, to the end of the file.</summary>
    public long SwallowedLines { get; private set; }

    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            if (starts[index] < 0)
            {
                Decode(index);
            }

            return chars.AsSpan(starts[index], ends[index] - starts[index]);
        }
    }

    public string GetString(int index) => this[index].Length == 0 ? string.Empty : new string(this[index]);

    /// <summary>Copies every value (for records kept in memory, e.g. accounts).</summary>
    public string[] ToArray()
    {
        var values = new string[Count];
        for (var i = 0; i < Count; i++)
        {
            values[i] = GetString(i);
        }

        return values;
    }

    /// <summary>The value as the UTF-8 bytes of the input, for writing it out unchanged without decoding it.</summary>
    internal ReadOnlySpan<byte> Utf8(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return source is not null ? source.GetSpan(index) : scanned!.Value(index);
    }

    internal void Begin(Library.CsvReader reader, long line, CsvRowError error)
    {
        source = reader;
        scanned = null;
        Start(line, error, reader.FieldCount);
    }

    /// <summary>A record too long to hold, followed by <paramref name="scanner"/>: only its short values are kept.</summary>
    internal void Begin(CsvRecordScanner scanner, long line, CsvRowError error)
    {
        source = null;
        scanned = scanner;
        Start(line, error, scanner.Values);
    }

    internal void SetTooLong(CsvRowError error, int value, long size)
    {
        Error = error;
        ErrorValue = value;
        ErrorSize = size;
    }

    internal void SetUnclosedQuote(long quoteLine, long swallowedLines)
    {
        Error = CsvRowError.UnclosedQuote;
        QuoteLine = quoteLine;
        SwallowedLines = swallowedLines;
    }

    private void Start(long line, CsvRowError error, int count)
    {
        Line = line;
        Error = error;
        ErrorValue = -1;
        ErrorSize = 0;
        QuoteLine = 0;
        SwallowedLines = 0;
        Count = count;
        length = 0;
        if (Count > starts.Length)
        {
            starts = new int[Math.Max(Count, starts.Length * 2)];
            ends = new int[starts.Length];
        }

        Array.Fill(starts, -1, 0, Count);
    }

    private void Decode(int index)
    {
        // Valid UTF-8 (the reader checked the record), and never more UTF-16 chars than UTF-8 bytes.
        var bytes = Utf8(index);
        if (length + bytes.Length > chars.Length)
        {
            Array.Resize(ref chars, Math.Max(chars.Length * 2, length + bytes.Length));
        }

        System.Text.Unicode.Utf8.ToUtf16(bytes, chars.AsSpan(length), out _, out var written);
        starts[index] = length;
        length += written;
        ends[index] = length;
    }
}
