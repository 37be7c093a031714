using System;

namespace CrmRelationship.Offline.Csv;

/// <summary>What went wrong with the CSV syntax of one row; the row's values are still readable.</summary>
public enum CsvRowError
{
    None,

    /// <summary>A quoted value runs to the end of the file.</summary>
    UnclosedQuote,

    /// <summary>Text follows a closing quote before the next comma or line break.</summary>
    TextAfterQuote,
}

/// <summary>
/// One record read by <see cref="CsvReader"/>: the unescaped values as spans over a reused buffer
/// (no string per value), and the physical line the record starts on. Reused row after row, so a
/// value must be copied (<see cref="GetString"/>) if it is kept beyond the next read.
/// </summary>
public sealed class CsvRow
{
    private char[] chars = new char[1024];
    private int length;
    private int[] starts = new int[32];
    private int[] ends = new int[32];

    /// <summary>Number of values in the record.</summary>
    public int Count { get; private set; }

    /// <summary>The 1-based physical line of the file on which the record starts.</summary>
    public long Line { get; private set; }

    public CsvRowError Error { get; internal set; }

    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
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

    internal void Begin(long line)
    {
        Line = line;
        Count = 0;
        length = 0;
        Error = CsvRowError.None;
    }

    internal void StartValue()
    {
        if (Count == starts.Length)
        {
            Array.Resize(ref starts, starts.Length * 2);
            Array.Resize(ref ends, ends.Length * 2);
        }

        starts[Count] = length;
        ends[Count] = length;
        Count++;
    }

    internal void Append(char c)
    {
        if (length == chars.Length)
        {
            Array.Resize(ref chars, chars.Length * 2);
        }

        chars[length++] = c;
        ends[Count - 1] = length;
    }

    internal void Append(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        if (length + text.Length > chars.Length)
        {
            Array.Resize(ref chars, Math.Max(chars.Length * 2, length + text.Length));
        }

        text.CopyTo(chars.AsSpan(length));
        length += text.Length;
        ends[Count - 1] = length;
    }
}
