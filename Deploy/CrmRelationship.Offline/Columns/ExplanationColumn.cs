using System;
using CrmRelationship.Offline.Csv;
using CrmRelationship.Scoring;

namespace CrmRelationship.Offline.Columns;

/// <summary>
/// Writes a contact's explanation as one CSV value. The Scoring library hands the explanation over
/// piece by piece; the pieces are collected in one buffer per thread, reused for every contact, so
/// scoring a large book never builds the explanations as strings and the CSV writer stays generic.
/// </summary>
internal static class ExplanationColumn
{
    [ThreadStatic]
    private static ExplanationBuffer? buffer;

    public static void WriteExplanation(this CsvWriter writer, ContactScore score)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(score);
        var text = buffer ??= new ExplanationBuffer();
        text.Clear();
        score.WriteExplanation(text);
        writer.Write(text.Span);
    }

    private sealed class ExplanationBuffer : IExplanationSink
    {
        private char[] chars = new char[4096];
        private int length;

        public ReadOnlySpan<char> Span => chars.AsSpan(0, length);

        public void Clear() => length = 0;

        public void Append(string text)
        {
            Reserve(text.Length);
            text.CopyTo(chars.AsSpan(length));
            length += text.Length;
        }

        public void Append(char character)
        {
            Reserve(1);
            chars[length++] = character;
        }

        private void Reserve(int more)
        {
            if (length + more > chars.Length)
            {
                Array.Resize(ref chars, Math.Max(chars.Length * 2, length + more));
            }
        }
    }
}
