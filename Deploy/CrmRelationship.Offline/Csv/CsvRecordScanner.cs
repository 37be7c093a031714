using System;

namespace CrmRelationship.Offline.Csv;

/// <summary>
/// Follows one CSV record byte by byte the way CsvHelper reads it, without holding it: a quote opens a
/// quoted value only at the start of a value, "" inside one is a quote, text after a closing quote and a
/// stray quote are kept as text, and CR, LF or CRLF outside quotes end the record. Used for a record
/// too long for the reader to hold (to find where it ends and which value is too long) and for a record
/// whose quote is never closed (to find the line the quote opened on). Counts the line breaks, the
/// values and each value's length in UTF-16 characters, and keeps the first short values, so that a
/// rejected row still shows its id.
/// </summary>
internal sealed class CsvRecordScanner
{
    private const int MaxKeptValues = 256;
    private const int MaxKeptValueBytes = 1024;

    private readonly byte[] kept = new byte[MaxKeptValues * MaxKeptValueBytes / 4];
    private readonly int[] keptStarts = new int[MaxKeptValues];
    private readonly int[] keptLengths = new int[MaxKeptValues];
    private State state;
    private bool previousWasCr;
    private bool previousWasLineBreak;
    private long valueChars;
    private int valueStart;
    private int keptLength;
    private bool valueNotKept;

    private enum State
    {
        ValueStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
        AfterCr,
        Ended,
    }

    /// <summary>Bytes of the record so far, its line end included.</summary>
    public long Bytes { get; private set; }

    /// <summary>Line breaks inside the record's values (not the one that ends it).</summary>
    public long LineBreaks { get; private set; }

    /// <summary>Whether the record ended with a line break (false: at the end of the input).</summary>
    public bool EndsWithLineBreak { get; private set; }

    /// <summary>The bytes of that line break (CR, LF: 1; CRLF: 2; none: 0).</summary>
    public int LineEndBytes { get; private set; }

    /// <summary>Whether the record ended, by a line break or <see cref="EndOfInput"/>.</summary>
    public bool Ended => state == State.Ended;

    /// <summary>At the end of the input: whether a quoted value was still open.</summary>
    public bool QuoteNeverClosed { get; private set; }

    /// <summary>The line breaks in the record before the opening quote of the last quoted value.</summary>
    public long LineBreaksBeforeQuote { get; private set; }

    /// <summary>Whether the input's last byte, inside the unclosed quote, was a line break (it ends a line rather than starting one).</summary>
    public bool EndsInsideQuoteWithLineBreak { get; private set; }

    /// <summary>Values seen.</summary>
    public int Values { get; private set; }

    /// <summary>The index of the first value longer than the limit given to <see cref="Reset"/>, or -1.</summary>
    public int LongValue { get; private set; }

    /// <summary>Its length in UTF-16 characters.</summary>
    public long LongValueChars { get; private set; }

    private long MaxValueChars { get; set; }

    public void Reset(long maxValueChars)
    {
        MaxValueChars = maxValueChars;
        state = State.ValueStart;
        previousWasCr = false;
        previousWasLineBreak = false;
        valueChars = 0;
        valueStart = 0;
        keptLength = 0;
        valueNotKept = false;
        Bytes = 0;
        LineBreaks = 0;
        EndsWithLineBreak = false;
        LineEndBytes = 0;
        QuoteNeverClosed = false;
        LineBreaksBeforeQuote = 0;
        EndsInsideQuoteWithLineBreak = false;
        Values = 0;
        LongValue = -1;
        LongValueChars = 0;
    }

    /// <summary>A kept value (unescaped UTF-8), or empty when it was too long to keep.</summary>
    public ReadOnlySpan<byte> Value(int index) =>
        index < MaxKeptValues && index < Values && keptLengths[index] >= 0 ? kept.AsSpan(keptStarts[index], keptLengths[index]) : ReadOnlySpan<byte>.Empty;

    /// <summary>Follows the record through <paramref name="input"/>; returns how many of its bytes belong to the record (all, until it ends).</summary>
    public int Scan(ReadOnlySpan<byte> input)
    {
        var i = 0;
        for (; i < input.Length && state != State.Ended; i++)
        {
            var b = input[i];
            switch (state)
            {
                case State.AfterCr:
                    state = State.Ended;
                    if (b != (byte)'\n')
                    {
                        Bytes += i;
                        return i;
                    }

                    LineEndBytes = 2;
                    break;
                case State.ValueStart:
                    if (b == (byte)'"')
                    {
                        state = State.Quoted;
                        LineBreaksBeforeQuote = LineBreaks;
                    }
                    else
                    {
                        state = State.Unquoted;
                        Unquoted(b);
                    }

                    break;
                case State.Unquoted:
                    Unquoted(b);
                    break;
                case State.Quoted:
                    if (b == (byte)'"')
                    {
                        state = State.QuoteInQuoted;
                    }
                    else
                    {
                        if (b == (byte)'\r' || (b == (byte)'\n' && !previousWasCr))
                        {
                            LineBreaks++;
                        }

                        Char(b);
                    }

                    previousWasCr = b == (byte)'\r';
                    previousWasLineBreak = previousWasCr || b == (byte)'\n';
                    break;
                case State.QuoteInQuoted:
                    if (b == (byte)'"')
                    {
                        state = State.Quoted;
                        Char(b);
                    }
                    else
                    {
                        state = State.Unquoted;
                        Unquoted(b);
                    }

                    break;
            }
        }

        Bytes += i;
        return i;
    }

    /// <summary>The input ended: the record ends here.</summary>
    public void EndOfInput()
    {
        if (state == State.Ended)
        {
            return;
        }

        if (state == State.Quoted)
        {
            QuoteNeverClosed = true;
            EndsInsideQuoteWithLineBreak = previousWasLineBreak;
        }

        if (state != State.AfterCr)
        {
            EndValue();
        }

        state = State.Ended;
    }

    private void Unquoted(byte b)
    {
        switch (b)
        {
            case (byte)',':
                EndValue();
                state = State.ValueStart;
                break;
            case (byte)'\r':
                EndValue();
                EndsWithLineBreak = true;
                LineEndBytes = 1;
                state = State.AfterCr;
                break;
            case (byte)'\n':
                EndValue();
                EndsWithLineBreak = true;
                LineEndBytes = 1;
                state = State.Ended;
                break;
            default:
                Char(b);
                break;
        }
    }

    /// <summary>One byte of a value: counted as UTF-16 characters (a four-byte sequence is two), kept while the value is short.</summary>
    private void Char(byte b)
    {
        if ((b & 0xC0) != 0x80)
        {
            valueChars += b >= 0xF0 ? 2 : 1;
        }

        if (valueNotKept || Values >= MaxKeptValues)
        {
            return;
        }

        if (keptLength - valueStart < MaxKeptValueBytes && keptLength < kept.Length)
        {
            kept[keptLength++] = b;
        }
        else
        {
            valueNotKept = true;
            keptLength = valueStart;
        }
    }

    private void EndValue()
    {
        if (LongValue < 0 && valueChars > MaxValueChars)
        {
            LongValue = Values;
            LongValueChars = valueChars;
        }

        if (Values < MaxKeptValues)
        {
            keptStarts[Values] = valueStart;
            keptLengths[Values] = valueNotKept ? -1 : keptLength - valueStart;
            valueStart = keptLength;
        }

        Values++;
        valueChars = 0;
        valueNotKept = false;
    }
}
