using System;

namespace CrmRelationship.Scoring;

/// <summary>Exact integer rounding: "rounded" in the model means half away from zero, to a whole number.</summary>
internal static class Arithmetic
{
    /// <summary>numerator / denominator rounded half away from zero; denominator must be positive.</summary>
    public static int RoundDiv(long numerator, long denominator)
    {
        if (denominator <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator));
        }

        var magnitude = ((2 * Math.Abs(numerator)) + denominator) / (2 * denominator);
        return (int)(numerator < 0 ? -magnitude : magnitude);
    }
}
