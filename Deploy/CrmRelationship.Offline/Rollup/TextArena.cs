using System;
using System.Collections.Generic;

namespace CrmRelationship.Offline.Rollup;

/// <summary>
/// Keeps the ids and names of a million contacts as characters in a few large chunks instead of two
/// million strings, so the long-lived rollup data holds no object references: the garbage collector
/// never traces or card-marks it while the contacts stream past. A text is addressed by its start
/// (chunk and offset packed in a long) and its length. The contacts' next steps, of which a run has few distinct ones
/// (one per action, need and not-yet-noticed flag: at most 11 × 7 × 2 = 154), are kept once each and addressed by a byte.
/// </summary>
internal sealed class TextArena
{
    private const int ChunkSize = 1 << 20;

    private readonly List<char[]> chunks = new();
    private readonly List<string> steps = new();
    private readonly Dictionary<string, byte> stepCodes = new(StringComparer.Ordinal);
    private char[] current = Array.Empty<char>();
    private int used;

    /// <summary>Copies <paramref name="first"/> and <paramref name="second"/> in, one after the other, and returns where the first starts.</summary>
    public long Add(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        var length = first.Length + second.Length;
        if (length > current.Length - used)
        {
            current = new char[Math.Max(ChunkSize, length)];
            chunks.Add(current);
            used = 0;
        }

        first.CopyTo(current.AsSpan(used));
        second.CopyTo(current.AsSpan(used + first.Length));
        var start = ((long)(chunks.Count - 1) << 32) | (uint)used;
        used += length;
        return start;
    }

    public ReadOnlySpan<char> Get(long start, int length) =>
        length == 0 ? ReadOnlySpan<char>.Empty : chunks[(int)(start >> 32)].AsSpan((int)(start & 0xFFFFFFFF), length);

    /// <summary>The code of a next step kept once: 0 for none, else its position plus one.</summary>
    public byte Step(string? step)
    {
        if (string.IsNullOrEmpty(step))
        {
            return 0;
        }

        if (!stepCodes.TryGetValue(step, out var code))
        {
            if (steps.Count == byte.MaxValue)
            {
                throw new InvalidOperationException("More than 255 distinct next steps in one run: a next step is composed from an action, a need and one flag.");
            }

            steps.Add(step);
            code = (byte)steps.Count;
            stepCodes.Add(step, code);
        }

        return code;
    }

    /// <summary>The next step of a code from <see cref="Step"/>, or null for 0.</summary>
    public string? StepOf(byte code) => code == 0 ? null : steps[code - 1];

    public string GetString(long start, int length) => length == 0 ? string.Empty : new string(Get(start, length));
}
