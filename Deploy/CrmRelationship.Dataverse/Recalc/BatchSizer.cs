using System;
using System.Threading;

namespace CrmRelationship.Dataverse.Recalc;

/// <summary>
/// The UpdateMultiple batch size, shared by the writers: it starts at 100, doubles after each batch written, up to
/// 1,000 (Microsoft's suggested start for small records), and halves after a timeout or a size error, down to 100.
/// </summary>
internal sealed class BatchSizer
{
    private readonly int minimum;
    private readonly int maximum;
    private int current;

    public BatchSizer(int first, int minimum, int maximum)
    {
        if (minimum < 1 || maximum < minimum || first < minimum || first > maximum)
        {
            throw new ArgumentOutOfRangeException(nameof(first), "Batch sizes must satisfy 1 <= minimum <= first <= maximum.");
        }

        this.minimum = minimum;
        this.maximum = maximum;
        current = first;
    }

    public int Current => Volatile.Read(ref current);

    public void Grow() => Update(size => Math.Min(maximum, size * 2));

    public void Shrink() => Update(size => Math.Max(minimum, size / 2));

    private void Update(Func<int, int> next)
    {
        int seen, wanted;
        do
        {
            seen = Volatile.Read(ref current);
            wanted = next(seen);
        }
        while (Interlocked.CompareExchange(ref current, wanted, seen) != seen);
    }
}
