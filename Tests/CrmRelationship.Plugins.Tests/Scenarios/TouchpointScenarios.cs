using System;
using System.Linq;
using CrmRelationship.Plugins.Tests.Support;
using CrmRelationship.Scoring;
using CrmRelationship.Testing;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Plugins.Tests.Scenarios;

/// <summary>
/// Engagement from activities (relationship-model.md §9) through the pipeline as registered: the seller's activity
/// save costs no call; the asynchronous step recounts each contact party with one aggregate and writes only what
/// differs; the contact's scoring rewrites its explanation and the rollup carries Last touchpoint and Contacts
/// noticed to the account. Every count is checked against the Scoring library called on the rows themselves.
/// </summary>
[TestFixture]
public sealed class TouchpointScenarios
{
    private const string Plugin = nameof(ActivityTouchpointsPlugin);
    private const int Open = 0;
    private const int Completed = 1;

    private static readonly DateTime Day = new(2026, 10, 2, 15, 30, 0, DateTimeKind.Utc);
    private static readonly ContactInputs Assessed = Contacts.Matrix(RelationshipStatus.No, OrganizationalPower.High, Perception.Advocate, ActivityLevel.Passive);

    private Pipeline crm = null!;
    private Guid account;
    private Guid ann;
    private Guid bob;

    [SetUp]
    public void SetUp() => Arrange(Crm.Registered());

    [TestCase(Names.Activities.PhoneCall, "to", 1.0)]
    [TestCase(Names.Activities.Appointment, "requiredattendees", 1.0)]
    [TestCase(Names.Activities.Email, "to", 0.5)]
    public void CompletedActivityCreated_ContactCountsItAtItsWeight_TheSaveCostsNothingAndTheJobItsBudget(string table, string list, double weight)
    {
        // Act
        crm.Create(Activity(table, Completed, Day, (list, ann)));

        // Assert
        var op = crm.LastOperation;
        Assert.Multiple(() =>
        {
            Assert.That(op.CallCounts, Is.EqualTo(CallCounts.None), "the seller's save");
            Assert.That(Touchpoints(ann), Is.EqualTo(((decimal?)(decimal)weight, (DateTime?)Day.Date, (Engagement?)Engagement.NotYetNoticed)));
            Assert.That(Job(op).CallsOf(Plugin), Is.EqualTo(new CallCounts(0, 2, 0, 1, 0)), "one query for the contacts, one aggregate, one update");
            Assert.That(Touchpoints(ann), Is.EqualTo(Oracle(ann)));
        });
    }

    [TestCase(Names.Activities.PhoneCall, "from")]
    [TestCase(Names.Activities.Appointment, "organizer")]
    [TestCase(Names.Activities.Email, "cc")]
    public void ActivityCompletedThenReopenedThenDeleted_CountFollowsEachStep(string table, string list)
    {
        // Arrange
        var id = crm.Create(Activity(table, Open, null, (list, ann)));
        var afterOpenCreate = (Job(crm.LastOperation).CallsOf(Plugin), Touchpoints(ann));

        // Act
        crm.Update(new Entity(table, id) { [Names.Activities.StateCode] = new OptionSetValue(Completed), [Names.Activities.ActualEnd] = Day });
        var completed = (Job(crm.LastOperation).CallsOf(Plugin), Touchpoints(ann));
        crm.Update(new Entity(table, id) { [Names.Activities.StateCode] = new OptionSetValue(Open) });
        var reopened = (Job(crm.LastOperation).CallsOf(Plugin), Touchpoints(ann));
        crm.Update(new Entity(table, id) { [Names.Activities.StateCode] = new OptionSetValue(Completed) });
        crm.Delete(table, id);
        var deleted = (Job(crm.LastOperation).CallsOf(Plugin), Touchpoints(ann));

        // Assert
        var none = ((decimal?)null, (DateTime?)null, (Engagement?)null);
        Assert.Multiple(() =>
        {
            Assert.That(afterOpenCreate, Is.EqualTo((CallCounts.None, none)), "an open activity changes no count and costs no call");
            Assert.That(completed.Item1, Is.EqualTo(new CallCounts(0, 2, 0, 1, 0)), "completed: the parties query, one aggregate, one update");
            Assert.That(completed.Item2.Item2, Is.EqualTo((DateTime?)Day.Date));
            Assert.That(reopened, Is.EqualTo((new CallCounts(0, 2, 0, 1, 0), none)));
            Assert.That(deleted, Is.EqualTo((new CallCounts(0, 2, 0, 1, 0), none)), "deleted: the contacts query from the pre-image's parties");
        });
    }

    [Test]
    public void AppointmentWithTheContactAsOrganizerAndAttendee_CountsOnce()
    {
        crm.Create(Activity(Names.Activities.Appointment, Completed, Day, ("organizer", ann), ("requiredattendees", ann), ("optionalattendees", bob)));

        Assert.That((Touchpoints(ann).Item1, Touchpoints(bob).Item1, Job(crm.LastOperation).CallsOf(Plugin)), Is.EqualTo(((decimal?)1m, (decimal?)1m, new CallCounts(0, 3, 0, 2, 0))));
    }

    [Test]
    public void EmailWithTheContactInToAndCc_CountsOnce()
    {
        var id = crm.Create(Activity(Names.Activities.Email, Open, Day, ("to", ann), ("cc", ann)));

        crm.Update(new Entity(Names.Activities.Email, id) { [Names.Activities.StateCode] = new OptionSetValue(Completed) });

        Assert.That((Touchpoints(ann).Item1, Job(crm.LastOperation).CallsOf(Plugin)), Is.EqualTo(((decimal?)0.5m, new CallCounts(0, 2, 0, 1, 0))));
    }

    [Test]
    public void ContactOnlyRegardingOrOwner_NeverCounts()
    {
        // Owner is a user in Dataverse; a party row of mask 9 on the contact is seeded to show the mask alone decides.
        var id = crm.Create(new Entity(Names.Activities.PhoneCall)
        {
            [Names.Activities.StateCode] = new OptionSetValue(Open),
            ["regardingobjectid"] = new EntityReference(Names.Contact, ann),
        });
        crm.Store.Seed(new Entity(Names.Activities.ActivityParty)
        {
            [Names.Activities.ActivityId] = new EntityReference(Names.Activities.ActivityPointer, id),
            [Names.Activities.PartyId] = new EntityReference(Names.Contact, bob),
            [Names.Activities.ParticipationTypeMask] = new OptionSetValue(9),
        });

        crm.Update(new Entity(Names.Activities.PhoneCall, id) { [Names.Activities.StateCode] = new OptionSetValue(Completed), [Names.Activities.ActualEnd] = Day });

        Assert.That((Touchpoints(ann).Item1, Touchpoints(bob).Item1, Job(crm.LastOperation).CallsOf(Plugin)), Is.EqualTo(((decimal?)null, (decimal?)null, new CallCounts(0, 1, 0, 0, 0))));
    }

    [Test]
    public void CustomWeights_FromTheStepConfiguration()
    {
        Arrange(Crm.WithConfiguration("{\"touchpoints\": {\"activities\": {\"email\": 2, \"phonecall\": 0}, \"noticedAfter\": 2}}"));

        crm.Create(Activity(Names.Activities.Email, Completed, Day, ("to", ann)));
        crm.Create(Activity(Names.Activities.PhoneCall, Completed, Day.AddDays(5), ("to", ann)));
        var phoneJob = Job(crm.LastOperation).CallsOf(Plugin);

        Assert.That((Touchpoints(ann), phoneJob), Is.EqualTo((((decimal?)2m, (DateTime?)Day.Date, (Engagement?)Engagement.Noticed), CallCounts.None)), "a table of weight 0 costs no call and counts for nothing");
    }

    [Test]
    public void CompletedWithoutActualEnd_DatedByModifiedOn()
    {
        var id = crm.Create(Activity(Names.Activities.PhoneCall, Open, null, ("to", ann)));

        crm.Update(new Entity(Names.Activities.PhoneCall, id) { [Names.Activities.StateCode] = new OptionSetValue(Completed) });

        var modifiedOn = crm.Store.Get(Names.Activities.PhoneCall, id).GetAttributeValue<DateTime>(Names.Activities.ModifiedOn);
        Assert.That(Touchpoints(ann).Item2, Is.EqualTo((DateTime?)modifiedOn.Date));
    }

    [Test]
    public void RecountThatChangesNothing_WritesNothing()
    {
        var id = crm.Create(Activity(Names.Activities.PhoneCall, Completed, Day, ("to", ann)));

        crm.Update(new Entity(Names.Activities.PhoneCall, id) { [Names.Activities.ActualEnd] = Day.AddHours(1) });

        Assert.That(Job(crm.LastOperation).CallsOf(Plugin), Is.EqualTo(new CallCounts(0, 2, 0, 0, 0)));
    }

    [Test]
    public void SevenCalls_ContactNoticed_ExplanationFollowsAndTheAccountRollsUp_WithoutRecursion()
    {
        // Act
        for (var i = 0; i < 7; i++)
        {
            crm.Create(Activity(Names.Activities.PhoneCall, Completed, Day.AddDays(i), ("to", ann)));
        }

        // Assert
        var job = Job(crm.LastOperation);
        var contact = crm.Contact(ann);
        var stored = Contacts.InputsOf(contact);
        var expected = RelationshipScorer.Default.ScoreContact(stored, null, Contacts.ScoredOn(contact));
        var accountRow = crm.Account(account);
        Assert.Multiple(() =>
        {
            Assert.That(Touchpoints(ann), Is.EqualTo(((decimal?)7m, (DateTime?)Day.AddDays(6).Date, (Engagement?)Engagement.Noticed)));
            Assert.That(contact.GetAttributeValue<string>(Names.Computed.ScoreExplanation), Does.Contain("Touchpoints: 7, noticed (it takes 7); last on 2026-10-08."));
            Assert.That(contact.GetAttributeValue<string>(Names.Computed.ScoreExplanation), Is.EqualTo(expected.Explanation));
            Assert.That((Columns.Date(accountRow, Names.Touchpoints.AccountLastTouchpoint), Columns.WholeNumber(accountRow, Names.Touchpoints.NoticedContacts)), Is.EqualTo(((DateTime?)Day.AddDays(6).Date, (int?)1)));
            Assert.That(Accounts.Computed(accountRow), Is.EqualTo(Accounts.FullRecompute(crm.Store, account)));
            Assert.That((job.CallsOf(Crm.ContactScoring), job.StepsOf(Crm.ContactScoring).Count, job.MaxDepth), Is.EqualTo((CallCounts.None, 1, 2)), "the contact's scoring rewrote the explanation at no call, once, and nothing went deeper");
            Assert.That(job.StepsOf(Crm.AccountScoring), Is.Empty, "the rollup's write does not re-enter the account step");
        });
    }

    [Test]
    public void ContactNotYetNoticed_ScoreSaysSoAndTheExplanationGivesTheCount()
    {
        crm.Create(Activity(Names.Activities.Email, Completed, Day, ("to", ann)));
        crm.Create(Activity(Names.Activities.PhoneCall, Completed, Day.AddDays(1), ("to", ann)));

        var contact = crm.Contact(ann);
        var score = RelationshipScorer.Default.ScoreContact(Contacts.InputsOf(contact), null, Contacts.ScoredOn(contact));

        Assert.That((score.IsNotYetNoticed, contact.GetAttributeValue<string>(Names.Computed.ScoreExplanation)),
            Is.EqualTo((true, score.Explanation)));
        Assert.That(score.Explanation, Does.Contain("Touchpoints: 1.5 of the 7 it takes to be noticed; last on 2026-10-03. Calls and meetings get there faster than email."));
    }

    [Test]
    public void ContactNotYetNoticedThenNoticed_NextStepAddsThenDropsTheRegularContactSentence_AndTheAccountFollows()
    {
        // Arrange: both contacts are assessed alike, so one of them is the key contact.
        var keyBefore = crm.Account(account).GetAttributeValue<EntityReference>(Names.Computed.KeyContactId).Id;
        var key = keyBefore;

        // Act: one call makes the key contact "not yet noticed", six more make it "noticed".
        crm.Create(Activity(Names.Activities.PhoneCall, Completed, Day, ("to", key)));
        var afterOne = (Contact: crm.Contact(key).GetAttributeValue<string>(Names.Computed.NextStep), Account: crm.Account(account).GetAttributeValue<string>(Names.Computed.NextStep));
        for (var i = 1; i < 7; i++)
        {
            crm.Create(Activity(Names.Activities.PhoneCall, Completed, Day.AddDays(i), ("to", key)));
        }

        var afterSeven = (Contact: crm.Contact(key).GetAttributeValue<string>(Names.Computed.NextStep), Account: crm.Account(account).GetAttributeValue<string>(Names.Computed.NextStep));

        // Assert
        var actionStep = ScoringSettings.Default.StepFor(RelationshipScorer.Default.ScoreContact(Assessed, null, Day).RecommendedAction!.Value);
        var name = crm.Contact(key).GetAttributeValue<string>(Names.Standard.FullName);
        Assert.Multiple(() =>
        {
            Assert.That(crm.Account(account).GetAttributeValue<EntityReference>(Names.Computed.KeyContactId).Id, Is.EqualTo(keyBefore), "the key contact stays");
            Assert.That(afterOne, Is.EqualTo((actionStep + " " + NextSteps.KeepInRegularContact, name + ": " + actionStep + " " + NextSteps.KeepInRegularContact)));
            Assert.That(afterSeven, Is.EqualTo((actionStep, name + ": " + actionStep)));
            Assert.That(crm.Contact(key).GetAttributeValue<string>(Names.Computed.NextStep), Is.EqualTo(RelationshipScorer.Default.ScoreContact(Contacts.InputsOf(crm.Contact(key)), null, Day).NextStep));
        });
    }

    private void Arrange(Pipeline pipeline)
    {
        crm = pipeline;
        account = crm.CreateAccount("Contoso");
        ann = crm.CreateContact(Assessed, account, "Ann");
        bob = crm.CreateContact(Assessed, account, "Bob");
    }

    private static OperationRecord Job(OperationRecord op)
    {
        var job = op.AsyncOperations.Single();
        Assert.That(job.Succeeded, Is.True, job.Exception?.ToString());
        return job;
    }

    private (decimal? Touchpoints, DateTime? Last, Engagement? Level) Touchpoints(Guid contact)
    {
        var row = crm.Contact(contact);
        return (row.GetAttributeValue<decimal?>(Names.Touchpoints.Count), Columns.Date(row, Names.Touchpoints.LastTouchpoint), Columns.Choice<Engagement>(row, Names.Touchpoints.Engagement));
    }

    /// <summary>The Scoring library's count from the stored party rows and activities themselves.</summary>
    private (decimal? Touchpoints, DateTime? Last, Engagement? Level) Oracle(Guid contact)
    {
        var activities = crm.Store.ActivityTables.SelectMany(t => crm.Store.All(t).Select(a => (Table: t, Row: a))).ToDictionary(a => a.Row.Id);
        var rows = crm.Store.All(Names.Activities.ActivityParty)
            .Where(p => p.GetAttributeValue<EntityReference>(Names.Activities.PartyId).Id == contact)
            .Select(p => activities[p.GetAttributeValue<EntityReference>(Names.Activities.ActivityId).Id] is var a
                ? new ActivityParticipation(a.Row.Id, a.Table, a.Row.GetAttributeValue<OptionSetValue>(Names.Activities.StateCode).Value,
                    a.Row.GetAttributeValue<DateTime?>(Names.Activities.ActualEnd), a.Row.GetAttributeValue<DateTime?>(Names.Activities.ModifiedOn),
                    p.GetAttributeValue<OptionSetValue>(Names.Activities.ParticipationTypeMask).Value)
                : null!);
        var engagement = CrmRelationship.Scoring.Touchpoints.FromParticipations(rows, ScoringSettings.Default);
        return (engagement.Touchpoints, engagement.LastTouchpoint, engagement.Level);
    }

    private static Entity Activity(string table, int state, DateTime? actualEnd, params (string List, Guid Contact)[] parties)
    {
        var activity = new Entity(table) { [Names.Activities.StateCode] = new OptionSetValue(state) };
        if (actualEnd is { } end)
        {
            activity[Names.Activities.ActualEnd] = end;
        }

        foreach (var group in parties.GroupBy(p => p.List))
        {
            activity[group.Key] = new EntityCollection(group.Select(p => new Entity(Names.Activities.ActivityParty)
            {
                [Names.Activities.PartyId] = new EntityReference(Names.Contact, p.Contact),
            }).ToList());
        }

        return activity;
    }
}
