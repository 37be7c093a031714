using System;
using System.Collections.Generic;

namespace CrmRelationship.Offline.Rollup;

/// <summary>
/// Keeps the ids and names of a million contacts as characters in a few large chunks instead of two
/// million strings, so the long-lived rollup data holds no object references: the garbage collector
/// never traces or card-marks it while the contacts stream past. A text is addressed by its start
/// (chunk and offset packed in a long) and its length.
/// </summary>
internal sealed class TextArena
{
    private const int ChunkSize = 1 << 20;

    private readonly List<char[]> chunks = new();
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

    public string GetString(long start, int length) => length == 0 ? string.Empty : new string(Get(start, length));
}
