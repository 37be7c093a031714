namespace CrmRelationship.Offline;

/// <summary>
/// A CSV row that was not scored: which file, the physical line it starts on, its id when it has
/// one, and why (each reason names the column and the bad value). Written to rejected.csv.
/// </summary>
/// <param name="File">The input file's name.</param>
/// <param name="Line">1-based physical line on which the row starts.</param>
/// <param name="Id">The row's contactid or accountid as written, or empty.</param>
/// <param name="Reason">One or more sentences, separated by "; ".</param>
public sealed record RejectedRow(string File, long Line, string Id, string Reason);
