using CrmRelationship.Offline.Csv;
using CrmRelationship.Scoring;

namespace CrmRelationship.Offline.Columns;

/// <summary>
/// The contact's three touchpoint columns (relationship-model.md §9), written by <c>crmrel score --activities</c> from
/// <see cref="Touchpoints.FromParticipations"/>: Touchpoints with at most one decimal place and a point, Last
/// touchpoint yyyy-MM-dd, Engagement as its label; all three empty without a touchpoint. A contacts file that has them
/// gets them recomputed in place; without --activities they are input columns carried through unchanged.
/// </summary>
internal static class EngagementColumns
{
    public static readonly string[] Names = LogicalNames.Touchpoints.Contact;

    /// <summary>Writes column <paramref name="index"/> of <see cref="Names"/> for the contact's engagement.</summary>
    public static void Write(CsvWriter writer, int index, ContactEngagement engagement)
    {
        switch (index)
        {
            case 0:
                writer.Write(engagement.Touchpoints is { } count ? TouchpointSettings.Format(count) : null);
                break;
            case 1:
                writer.WriteDate(engagement.LastTouchpoint);
                break;
            default:
                writer.Write(engagement.Level is { } level ? Labels.Of(level) : null);
                break;
        }
    }
}
