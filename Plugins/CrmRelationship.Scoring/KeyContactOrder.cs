using System;

namespace CrmRelationship.Scoring;

/// <summary>
/// The order that picks an account's key contact (relationship-model.md §7), and the words the
/// explanation uses for the rule that decided between two contacts with the same action.
/// </summary>
internal static class KeyContactOrder
{
    /// <summary>
    /// Negative when <paramref name="a"/> comes before <paramref name="b"/> as key contact: most urgent
    /// action; then High power; then lower health (empty last); then earlier created (unknown last);
    /// then the lower id (ordinal, lower-case). Both must have a recommended action.
    /// </summary>
    public static int Compare(AccountContact a, AccountContact b) => Compare(a, b, out _);

    /// <summary>Why <paramref name="first"/> comes before <paramref name="second"/>, e.g. "High power comes first".</summary>
    public static string Reason(AccountContact first, AccountContact second)
    {
        Compare(first, second, out var reason);
        return reason;
    }

    private static int Compare(AccountContact a, AccountContact b, out string reason)
    {
        reason = "its action is more urgent";
        var byUrgency = RelationshipMatrix.Urgency(a.RecommendedAction!.Value).CompareTo(RelationshipMatrix.Urgency(b.RecommendedAction!.Value));
        if (byUrgency != 0) { return byUrgency; }

        reason = "High power comes first";
        var aHigh = a.OrganizationalPower == OrganizationalPower.High;
        var bHigh = b.OrganizationalPower == OrganizationalPower.High;
        if (aHigh != bHigh) { return aHigh ? -1 : 1; }

        reason = "lower health comes first";
        var byHealth = NullsLast(a.HealthScore, b.HealthScore);
        if (byHealth != 0) { return byHealth; }

        reason = "the earlier created comes first";
        var byCreated = NullsLast(a.CreatedOn, b.CreatedOn);
        if (byCreated != 0) { return byCreated; }

        reason = "the lower id comes first";
        var byId = string.CompareOrdinal(a.Id.ToLowerInvariant(), b.Id.ToLowerInvariant());

        // Ids equal but for case (possible offline, never for Dataverse GUIDs) still get one order.
        return Math.Sign(byId != 0 ? byId : string.CompareOrdinal(a.Id, b.Id));
    }

    private static int NullsLast<T>(T? a, T? b)
        where T : struct, IComparable<T>
    {
        if (a is null) { return b is null ? 0 : 1; }
        if (b is null) { return -1; }
        return Math.Sign(a.Value.CompareTo(b.Value));
    }
}
