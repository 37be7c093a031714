using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmRelationship.Scoring;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.FakeDataverse;

/// <summary>
/// Fills the fake with a deterministic book of accounts and contacts as a bulk load with custom logic bypassed leaves
/// them: every input varied (some empty), no computed value stored. Some contacts and accounts are inactive, some
/// contacts have no parent, a few have a contact as their parent customer.
/// </summary>
public static class FakeBook
{
    public static readonly DateTime CapturedAround = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    public static (IReadOnlyList<Guid> Accounts, IReadOnlyList<Guid> Contacts) Seed(FakeDataverse fake, int contacts, int accounts, int seed = 13)
    {
        ArgumentNullException.ThrowIfNull(fake);
        var random = new Random(seed);
        var accountIds = new List<Guid>(accounts);
        for (var i = 0; i < accounts; i++)
        {
            var id = Id(random);
            accountIds.Add(id);
            var values = new Dictionary<string, object?>
            {
                [Names.Standard.Name] = "Account " + i.ToString(CultureInfo.InvariantCulture),
                [Names.Standard.StateCode] = i % 97 == 5 ? 1 : 0,
            };
            if (random.Next(3) == 0)
            {
                values[Names.AccountInputs.CustomerViewLevel] = Option<RelationshipLevel>(random);
                values[Names.AccountInputs.CustomerViewDate] = Date(random);
                values[Names.AccountInputs.FeedbackCadence] = random.Next(2) == 0 ? null : Option<FeedbackCadence>(random);
            }

            fake.Accounts.Add(id, values);
        }

        var contactIds = new List<Guid>(contacts);
        for (var i = 0; i < contacts; i++)
        {
            var id = Id(random);
            object? parent = i % 53 == 7 || accountIds.Count == 0 ? null
                : i % 211 == 11 && contactIds.Count > 0 ? new FakeLookup(contactIds[random.Next(contactIds.Count)], Names.Contact)
                : new FakeLookup(accountIds[random.Next(accountIds.Count)], Names.Account);
            var values = new Dictionary<string, object?>
            {
                [Names.Standard.FullName] = "Contact " + i.ToString(CultureInfo.InvariantCulture),
                [Names.Standard.CreatedOn] = new DateTime(2024, 1, 1, 8, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(0, 900_000))
                    .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                [Names.Standard.StateCode] = i % 41 == 3 ? 1 : 0,
                [Names.Standard.ParentCustomerId] = parent,
                [Names.ContactInputs.Relationship] = Maybe<RelationshipStatus>(random, 8),
                [Names.ContactInputs.OrganizationalPower] = Maybe<OrganizationalPower>(random, 8),
                [Names.ContactInputs.Perception] = Maybe<Perception>(random, 8),
                [Names.ContactInputs.ActivityLevel] = Maybe<ActivityLevel>(random, 8),
                [Names.ContactInputs.ObservedBehaviours] = Many<RelationshipBehaviour>(random),
                [Names.ContactInputs.RiskBehaviours] = random.Next(3) == 0 ? Many<RiskBehaviour>(random) : null,
                [Names.ContactInputs.CustomerViewLevel] = Maybe<RelationshipLevel>(random, 3),
                [Names.ContactInputs.CustomerViewDate] = random.Next(3) == 0 ? null : Date(random),
                [Names.ContactInputs.FeedbackCadence] = Maybe<FeedbackCadence>(random, 2),
            };
            fake.Contacts.Add(id, values);
            contactIds.Add(id);
        }

        return (accountIds, contactIds);
    }

    /// <summary>The custom activity table the seeded activities include (weighted only when the steps' settings name it).</summary>
    public const string CustomActivityTable = "new_sitevisit";

    /// <summary>
    /// Adds up to six activities per contact, as sellers leave them: calls, meetings, emails, site visits (a custom table)
    /// and tasks (never counted); completed, open or canceled; actual end set or empty; the contact as sender, To and CC at
    /// once, attendee, organizer, or only BCC, Regarding or Owner; often another contact or an account beside it. Returns
    /// how many were added.
    /// </summary>
    public static int SeedActivities(FakeDataverse fake, IReadOnlyList<Guid> contacts, IReadOnlyList<Guid> accounts, int seed = 29)
    {
        ArgumentNullException.ThrowIfNull(fake);
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(accounts);
        var random = new Random(seed);
        string[] tables = ["phonecall", "appointment", "email", CustomActivityTable, "task"];
        int[][] roles = [[1], [2], [2, 3], [5], [6], [7, 5], [4], [8], [9], [3]];
        var added = 0;
        foreach (var contact in contacts)
        {
            var count = random.Next(7);
            for (var i = 0; i < count; i++)
            {
                var table = tables[random.Next(tables.Length)];
                var state = random.Next(10) switch { < 7 => 1, < 9 => 0, _ => 2 };
                var modified = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(0, 1_000_000));
                DateTime? end = random.Next(5) == 0 ? null : modified.AddHours(-random.Next(0, 72));
                var parties = roles[random.Next(roles.Length)].Select(mask => FakeDataverse.FakeParty.Contact(contact, mask)).ToList();
                if (random.Next(3) == 0)
                {
                    parties.Add(FakeDataverse.FakeParty.Contact(contacts[random.Next(contacts.Count)], roles[random.Next(roles.Length)][0]));
                }

                if (accounts.Count > 0 && random.Next(4) == 0)
                {
                    parties.Add(new FakeDataverse.FakeParty(accounts[random.Next(accounts.Count)], Names.Account, 8));
                }

                fake.AddActivity(table, state, end, modified, [.. parties]);
                added++;
            }
        }

        return added;
    }

    /// <summary>An option value of the choice.</summary>
    public static int Option<TChoice>(Random random)
        where TChoice : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(random);
        var labels = Labels.All<TChoice>();
        return ValueOf<TChoice>(labels[random.Next(labels.Count)]);
    }

    /// <summary>The option value of a label of the choice.</summary>
    public static int ValueOf<TChoice>(string label)
        where TChoice : struct, Enum =>
        Labels.TryParse<TChoice>(label, out var value) ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : throw new ArgumentException("No option " + label, nameof(label));

    private static Guid Id(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>An option, or empty once in <paramref name="emptyOneIn"/>.</summary>
    private static int? Maybe<TChoice>(Random random, int emptyOneIn)
        where TChoice : struct, Enum => random.Next(emptyOneIn) == 0 ? null : Option<TChoice>(random);

    private static string? Many<TChoice>(Random random)
        where TChoice : struct, Enum
    {
        var labels = Labels.All<TChoice>();
        var chosen = new List<int>();
        for (var i = 0; i < labels.Count; i++)
        {
            // Mostly contiguous from the first rung, sometimes with a gap, so levels and missing rungs both occur.
            if ((i == 0 && random.Next(6) != 0) || (i > 0 && random.Next(3) != 0 && (chosen.Count == i || random.Next(5) == 0)))
            {
                chosen.Add(ValueOf<TChoice>(labels[i]));
            }
        }

        return chosen.Count == 0 ? null : string.Join(",", chosen.Select(v => v.ToString(CultureInfo.InvariantCulture)));
    }

    // Captured before 2026-11-24, the earliest day the tests score on: a later capture date is refused offline (model §4).
    private static string Date(Random random) =>
        CapturedAround.AddDays(random.Next(-400, 150)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
