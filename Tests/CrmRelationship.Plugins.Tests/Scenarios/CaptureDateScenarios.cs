using System;
using System.Globalization;
using CrmRelationship.Plugins.Tests.Support;
using CrmRelationship.Scoring;
using CrmRelationship.Tests.Shared;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;
using Api = CrmRelationship.Scoring.LogicalNames.PreviewAssessment;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Plugins.Tests.Scenarios;

/// <summary>A capture day and a cadence to save, anywhere in the range a date column can be given.</summary>
public sealed record SavedDay(DateOnly Day, FeedbackCadence? Cadence)
{
    public DateTime Date => Day.ToDateTime(TimeOnly.MinValue);

    public override string ToString() => AnyDay.Iso(Day) + " " + (Cadence?.ToString() ?? "no cadence");
}

/// <summary>FsCheck generators for <see cref="SavedDay"/>: uniform over the range, its edges, and the days around today (UTC).</summary>
public static class SavedDays
{
    public static Arbitrary<SavedDay> Days() =>
        (from day in AnyDay.Near(DateOnly.FromDateTime(DateTime.UtcNow))
         from cadence in AnyDay.Cadences
         select new SavedDay(day, cadence)).ToArbitrary();
}

/// <summary>
/// relationship-model.md §4, capture dates, through the pipeline as registered: a capture date later than the day
/// after scoring on the record being saved (a contact, an account, the preview's request) is refused naming the
/// input; one already stored, on the record or on another record (an account's own view read by a contact's
/// rollup), never blocks a save: it reads as not captured and the explanation says so. The properties cover the
/// whole date range: every date is scored or refused naming the input, never the generic error.
/// </summary>
[TestFixture]
public sealed class CaptureDateScenarios
{
    private const string Input = "Customer view captured on ";
    private const string GenericError = "unexpected error";
    private static readonly DateTime LastDay = new(9999, 12, 31);
    private static readonly DateTime LateInTheLastYear = new(9999, 6, 1);

    private static ContactInputs AssessedWithView(DateTime? capturedOn, FeedbackCadence? cadence = null) => new()
    {
        Relationship = RelationshipStatus.Yes,
        OrganizationalPower = OrganizationalPower.High,
        Perception = Perception.Advocate,
        ActivityLevel = ActivityLevel.Active,
        ObservedBehaviours = new[] { RelationshipBehaviour.BuysFromUs, RelationshipBehaviour.ReliesOnOurSupport },
        CustomerViewLevel = RelationshipLevel.Service,
        CustomerViewDate = capturedOn,
        FeedbackCadence = cadence,
    };

    private static AccountInputs AccountView(DateTime? capturedOn, FeedbackCadence? cadence = null) =>
        new() { CustomerViewLevel = RelationshipLevel.Partner, CustomerViewDate = capturedOn, FeedbackCadence = cadence };

    [Test]
    public void ContactSavedWithAViewCapturedOn9999_12_31_RefusedNamingTheInputAndNothingSaved()
    {
        var crm = Crm.Registered();
        var account = crm.CreateAccount("Contoso");

        var refusal = Refusal(() => crm.CreateContact(AssessedWithView(LastDay), account, "Ada Lovelace"));

        Assert.Multiple(() =>
        {
            Assert.That(refusal, Does.StartWith(Input + "9999-12-31 is in the future (").And.EndWith(" is the latest date allowed today): enter the day the customer gave their view."));
            Assert.That(crm.Store.Count(Names.Contact), Is.Zero);
        });
    }

    [Test]
    public void ContactUpdatedToAViewCapturedTwoDaysAhead_RefusedNamingTheInput()
    {
        var crm = Crm.Registered();
        var id = crm.CreateContact(AssessedWithView(new DateTime(2026, 1, 15)), null, "Ada Lovelace");
        var twoDaysAhead = DateTime.UtcNow.Date.AddDays(2);

        var refusal = Refusal(() => crm.Update(Contacts.Change(id, (Names.ContactInputs.CustomerViewDate, twoDaysAhead))));

        Assert.That(refusal, Does.StartWith(Input + twoDaysAhead.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " is in the future ("));
        Assert.That(crm.Contact(id)[Names.ContactInputs.CustomerViewDate], Is.EqualTo(new DateTime(2026, 1, 15)), "the stored row is unchanged");
    }

    [Test]
    public void ContactSavedWithAViewCapturedTomorrow_Scored()
    {
        var crm = Crm.Registered();
        var tomorrow = DateTime.UtcNow.Date.AddDays(1);

        var id = crm.CreateContact(AssessedWithView(tomorrow, FeedbackCadence.Yearly), null, "Ada Lovelace");

        Assert.That(crm.Contact(id)[Names.Computed.NextFeedbackDue], Is.EqualTo(tomorrow.AddMonths(12)));
    }

    [Test]
    public void ContactWithAStoredViewCapturedOn9999_12_31_SavingAnotherInputGoesThroughAndTheExplanationSaysSo()
    {
        // Arrange: a row written before the rule, or while the step was off.
        var crm = Crm.Registered();
        var id = crm.Store.Seed(Contacts.New(AssessedWithView(LastDay), null, "Ada Lovelace", Guid.NewGuid()));

        // Act
        crm.Update(Contacts.Change(id, (Names.ContactInputs.Perception, Columns.Option(Perception.Detractor))));

        // Assert
        var row = crm.Contact(id);
        var scoredOn = Contacts.ScoredOn(row);
        Assert.Multiple(() =>
        {
            Assert.That(row[Names.Computed.NextFeedbackDue], Is.EqualTo(scoredOn.Date), "read as not captured: due on the day of scoring");
            Assert.That((string)row[Names.Computed.ScoreExplanation], Does.Contain(Input + "9999-12-31 is in the future (").And.Contain("so it is read as not captured."));
        });
    }

    [Test]
    public void AccountSavedWithItsOwnViewCapturedOn9999_06_01_RefusedNamingTheInput()
    {
        var crm = Crm.Registered();
        var account = crm.CreateAccount("Contoso", AccountView(new DateTime(2026, 1, 15)));

        var onCreate = Refusal(() => crm.CreateAccount("Fabrikam", AccountView(LateInTheLastYear)));
        var onUpdate = Refusal(() => crm.Update(new Entity(Names.Account, account) { [Names.AccountInputs.CustomerViewDate] = LateInTheLastYear }));

        Assert.That(onCreate, Does.StartWith(Input + "9999-06-01 is in the future ("));
        Assert.That(onUpdate, Does.StartWith(Input + "9999-06-01 is in the future ("));
    }

    [Test]
    public void AccountWithAStoredViewCapturedOn9999_06_01_ContactSavesOnItGoThroughAndTheAccountReadsItAsNotCaptured()
    {
        // Arrange: the account's own view was stored before the rule.
        var crm = Crm.Registered();
        var account = crm.Store.Seed(Accounts.New("Contoso", AccountView(LateInTheLastYear, FeedbackCadence.Yearly), Guid.NewGuid()));

        // Act: every contact save on the account rolls up to it.
        var first = crm.CreateContact(AssessedWithView(new DateTime(2026, 1, 15)), account, "Ada Lovelace");
        crm.Update(Contacts.Change(first, (Names.ContactInputs.Perception, Columns.Option(Perception.Detractor))));
        crm.CreateContact(AssessedWithView(null), account, "Grace Hopper");

        // Assert
        var stored = crm.Account(account);
        Assert.Multiple(() =>
        {
            Assert.That(Accounts.Computed(stored), Is.EqualTo(Accounts.FullRecompute(crm.Store, account)));
            Assert.That(stored[Names.Computed.NextFeedbackDue], Is.EqualTo(Columns.Date(stored, Names.Computed.ScoredOn)!.Value.Date));
            Assert.That((string)stored[Names.Computed.ScoreExplanation], Does.Contain(Input + "9999-06-01 is in the future (").And.Contain("so it is read as not captured."));
            Assert.That(crm.Store.Count(Names.Contact), Is.EqualTo(2));
        });
    }

    [Test]
    public void AccountWithAStoredViewCapturedOn9999_06_01_SavingItsCadenceGoesThrough()
    {
        var crm = Crm.Registered();
        var account = crm.Store.Seed(Accounts.New("Contoso", AccountView(LateInTheLastYear), Guid.NewGuid()));

        crm.Update(new Entity(Names.Account, account) { [Names.AccountInputs.FeedbackCadence] = Columns.Option(FeedbackCadence.Yearly) });

        Assert.That(crm.Account(account)[Names.AccountInputs.FeedbackCadence], Is.EqualTo(Columns.Option(FeedbackCadence.Yearly)));
    }

    [Test]
    public void PreviewOfAViewCapturedOn9999_12_31_RefusedNamingTheInput()
    {
        var crm = Crm.Registered();

        var refusal = Refusal(() => crm.Execute(Api.MessageName, (Api.CustomerViewLevel, ChoiceValues.Of(RelationshipLevel.Partner)), (Api.CustomerViewDate, LastDay)));

        Assert.That(refusal, Does.StartWith(Input + "9999-12-31 is in the future (").And.EndWith(": enter the day the customer gave their view."));
    }

    [FsCheck.NUnit.Property(Arbitrary = new[] { typeof(SavedDays) }, MaxTest = 300)]
    public Property ContactSave_AnyCaptureDate_ScoredOrRefusedNamingTheInput(SavedDay saved)
    {
        var crm = Crm.Registered();
        var account = crm.CreateAccount("Contoso");
        var before = Today();
        var outcome = Outcome(() => crm.CreateContact(AssessedWithView(saved.Date, saved.Cadence), account, "Ada Lovelace"));
        var after = Today();

        return Check(saved, before, after, outcome, () => crm.Contact((Guid)outcome.Result!));
    }

    [FsCheck.NUnit.Property(Arbitrary = new[] { typeof(SavedDays) }, MaxTest = 300)]
    public Property AccountSave_AnyOwnCaptureDate_ScoredOrRefusedNamingTheInput(SavedDay saved)
    {
        // Arrange: an account with an assessed contact, so it has a level.
        var crm = Crm.Registered();
        var account = crm.CreateAccount("Contoso");
        crm.CreateContact(AssessedWithView(new DateTime(2026, 1, 15)), account, "Ada Lovelace");

        // Act
        var before = Today();
        var outcome = Outcome(() =>
        {
            crm.Update(new Entity(Names.Account, account)
            {
                [Names.AccountInputs.CustomerViewLevel] = Columns.Option(RelationshipLevel.Partner),
                [Names.AccountInputs.CustomerViewDate] = saved.Date,
                [Names.AccountInputs.FeedbackCadence] = Columns.Option(saved.Cadence),
            });
            return account;
        });
        var after = Today();

        // Assert
        return Check(saved, before, after, outcome, () => crm.Account(account));
    }

    [FsCheck.NUnit.Property(Arbitrary = new[] { typeof(SavedDays) }, MaxTest = 300)]
    public Property Preview_AnyCaptureDate_AnsweredOrRefusedNamingTheInput(SavedDay saved)
    {
        var crm = Crm.Registered();
        var before = Today();
        var outcome = Outcome(() => crm.Execute(
            Api.MessageName,
            (Api.CustomerViewLevel, ChoiceValues.Of(RelationshipLevel.Partner)),
            (Api.CustomerViewDate, saved.Date),
            (Api.FeedbackCadence, saved.Cadence is { } cadence ? ChoiceValues.Of(cadence) : null)));
        var after = Today();

        var refusedOk = Refused(saved, before, after, outcome);
        if (outcome.Refusal is not null || outcome.Error is not null)
        {
            return refusedOk;
        }

        var explanation = (string)((OrganizationResponse)outcome.Result!).Results[Api.Explanation];
        var months = AnyDay.Months(saved.Cadence);
        return refusedOk.And(explanation.Contains(months + " months after the view captured on " + AnyDay.Iso(saved.Day), StringComparison.Ordinal)
            .Label("the preview's explanation gives the capture date: " + explanation));
    }

    [FsCheck.NUnit.Property(Arbitrary = new[] { typeof(SavedDays) }, MaxTest = 300)]
    public Property ContactSave_OnAnAccountWithAnyStoredCaptureDate_NeverBlocked(SavedDay stored)
    {
        // Arrange: whatever the account's own view date, stored before the rule.
        var crm = Crm.Registered();
        var account = crm.Store.Seed(Accounts.New("Contoso", AccountView(stored.Date, stored.Cadence), Guid.NewGuid()));

        // Act
        var outcome = Outcome(() => crm.CreateContact(AssessedWithView(new DateTime(2026, 1, 15)), account, "Ada Lovelace"));
        if (outcome.Result is null)
        {
            return false.Label("the contact's save was refused: " + (outcome.Refusal ?? outcome.Error?.ToString()));
        }

        // Assert: the account is what the Scoring library computes from the store.
        var row = crm.Account(account);
        var scoredOn = Columns.Date(row, Names.Computed.ScoredOn)!.Value;
        var storedDue = Columns.Date(row, Names.Computed.NextFeedbackDue);
        var today = DateOnly.FromDateTime(scoredOn);
        var explanation = (string)row[Names.Computed.ScoreExplanation];
        var expectedDue = AnyDay.IsAfterTomorrow(stored.Day, today)
            ? scoredOn.Date
            : AnyDay.PlusMonths(stored.Day, AnyDay.Months(stored.Cadence))?.ToDateTime(TimeOnly.MinValue);
        return (storedDue == expectedDue).Label("account due " + storedDue + ", expected " + expectedDue)
            .And((!AnyDay.IsAfterTomorrow(stored.Day, today) || explanation.Contains(Input + AnyDay.Iso(stored.Day) + " is in the future", StringComparison.Ordinal))
                .Label("a date in the future is named in the account's explanation: " + explanation));
    }

    /// <summary>The message of the <see cref="InvalidPluginExecutionException"/> the action throws.</summary>
    private static string Refusal(Action action)
    {
        var outcome = Outcome(() =>
        {
            action();
            return null;
        });
        return outcome.Refusal ?? throw new AssertionException("Expected a refusal, got " + (outcome.Error?.ToString() ?? "a save"));
    }

    private static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow);

    private static Attempt Outcome(Func<object?> action)
    {
        try
        {
            return new Attempt(action() ?? true, null, null);
        }
        catch (InvalidPluginExecutionException ex)
        {
            return new Attempt(null, ex.Message, null);
        }
        catch (ArgumentException ex)
        {
            return new Attempt(null, null, ex);
        }
    }

    /// <summary>A refusal exactly when the day is later than the day after scoring (today before or after the call), naming the input and the day; never the generic error.</summary>
    private static Property Refused(SavedDay saved, DateOnly before, DateOnly after, Attempt outcome)
    {
        if (outcome.Error is not null)
        {
            return false.Label("threw " + outcome.Error);
        }

        var mayRefuse = AnyDay.IsAfterTomorrow(saved.Day, before) || AnyDay.IsAfterTomorrow(saved.Day, after);
        var mayAccept = !AnyDay.IsAfterTomorrow(saved.Day, before) || !AnyDay.IsAfterTomorrow(saved.Day, after);
        if (outcome.Refusal is { } message)
        {
            return mayRefuse.Label("refused a day that is not later than the day after scoring: " + message)
                .And(message.StartsWith(Input + AnyDay.Iso(saved.Day) + " is in the future (", StringComparison.Ordinal).Label("the refusal names the input and the day: " + message))
                .And((!message.Contains(GenericError, StringComparison.Ordinal)).Label("not the generic error: " + message));
        }

        return mayAccept.Label("accepted a day later than the day after scoring");
    }

    /// <summary>Refused as <see cref="Refused"/> says, or saved with next feedback due the capture date plus the cadence.</summary>
    private static Property Check(SavedDay saved, DateOnly before, DateOnly after, Attempt outcome, Func<Entity> read)
    {
        var refused = Refused(saved, before, after, outcome);
        if (outcome.Result is null)
        {
            return refused;
        }

        var due = Columns.Date(read(), Names.Computed.NextFeedbackDue);
        var expected = AnyDay.PlusMonths(saved.Day, AnyDay.Months(saved.Cadence))?.ToDateTime(TimeOnly.MinValue);
        return refused.And((due == expected).Label("next feedback due " + due + ", expected " + expected));
    }

    private sealed record Attempt(object? Result, string? Refusal, ArgumentException? Error);
}
