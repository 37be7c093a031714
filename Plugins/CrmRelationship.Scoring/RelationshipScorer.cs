using System;
using System.Collections.Generic;

namespace CrmRelationship.Scoring;

/// <summary>
/// The one entry point to the relationship model: scores a contact from what the seller recorded,
/// and an account from its own inputs and its active contacts. Immutable and thread-safe, so a
/// plug-in builds one in its constructor and every caller shares the same rules.
/// </summary>
public sealed class RelationshipScorer
{
    public RelationshipScorer(ScoringSettings settings)
    {
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
    }

    /// <summary>A scorer with the model's defaults.</summary>
    public static RelationshipScorer Default { get; } = new RelationshipScorer(ScoringSettings.Default);

    public ScoringSettings Settings { get; }

    /// <param name="inputs">What the seller recorded.</param>
    /// <param name="history">The stored level and its last change, or null when there is no stored record.</param>
    /// <param name="now">The time of scoring; its date is "today", and it stamps a level change.</param>
    public ContactScore ScoreContact(ContactInputs inputs, LevelHistory? history, DateTime now) =>
        ContactScorer.Score(inputs ?? throw new ArgumentNullException(nameof(inputs)), history, now, Settings);

    /// <param name="inputs">The account's own customer view.</param>
    /// <param name="activeContacts">Every active contact whose parent customer is the account.</param>
    /// <param name="now">The time of scoring; its date is "today".</param>
    public AccountScore ScoreAccount(AccountInputs inputs, IEnumerable<AccountContact> activeContacts, DateTime now) =>
        ScoreAccount(inputs, activeContacts, now, null);

    /// <param name="inputs">The account's own customer view.</param>
    /// <param name="activeContacts">Every active contact whose parent customer is the account.</param>
    /// <param name="now">The time of scoring; its date is "today", and it stamps a change of key contact.</param>
    /// <param name="history">The stored key contact and its last change, and the contact the save takes out of the
    /// account; null when there is no stored record (then previous key contact and the date stay empty).</param>
    public AccountScore ScoreAccount(AccountInputs inputs, IEnumerable<AccountContact> activeContacts, DateTime now, KeyContactHistory? history) =>
        AccountScorer.Score(
            inputs ?? throw new ArgumentNullException(nameof(inputs)),
            activeContacts ?? throw new ArgumentNullException(nameof(activeContacts)),
            now,
            Settings,
            history);
}
