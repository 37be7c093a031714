using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace CrmRelationship.Scoring.Tests.Properties;

/// <summary>A generated contact to score: inputs, optional stored history and the time of scoring.</summary>
public sealed record ContactCase(ContactInputs Inputs, LevelHistory? History, DateTime Now)
{
    public override string ToString() =>
        string.Format(
            CultureInfo.InvariantCulture,
            "R={0} P={1} Pe={2} A={3} B=[{4}] Risk=[{5}] View={6} Date={7:yyyy-MM-dd} Cadence={8} History={9}/{10}/{11:yyyy-MM-dd} Now={12:yyyy-MM-dd}",
            Inputs.Relationship,
            Inputs.OrganizationalPower,
            Inputs.Perception,
            Inputs.ActivityLevel,
            string.Join(",", Inputs.ObservedBehaviours),
            string.Join(",", Inputs.RiskBehaviours),
            Inputs.CustomerViewLevel,
            Inputs.CustomerViewDate,
            Inputs.FeedbackCadence,
            History?.StoredLevel,
            History?.PreviousLevel,
            History?.LevelChangedOn,
            Now);
}

/// <summary>A generated account to roll up: its own inputs and its active contacts.</summary>
public sealed record AccountCase(AccountInputs Inputs, IReadOnlyList<AccountContact> Contacts, DateTime Now)
{
    public override string ToString() =>
        "View=" + Inputs.CustomerViewLevel + " Contacts=[" + string.Join(
            "; ",
            Contacts.Select(c => string.Format(
                CultureInfo.InvariantCulture,
                "{0}:{1}/{2}/{3}/L={4}/H={5}/G={6}/C={7:yyyy-MM-dd}",
                c.Id,
                c.RecommendedAction,
                c.OrganizationalPower,
                c.Relationship,
                c.RelationshipLevel,
                c.HealthScore,
                c.ExpectationGap,
                c.CreatedOn))) + "]";
}

/// <summary>FsCheck generators over every combination of inputs, including empty ones, duplicates and dates.</summary>
public static class Generators
{
    private static readonly DateTime Epoch = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    public static Arbitrary<ContactCase> ContactCases() => ContactCaseGen.ToArbitrary();

    public static Arbitrary<AccountCase> AccountCases() => AccountCaseGen.ToArbitrary();

    internal static Gen<T?> OrEmpty<T>(params T[] values)
        where T : struct =>
        Gen.Elements(values.Select(v => (T?)v).Append(null).ToArray());

    private static Gen<DateTime> Dates =>
        from day in Gen.Choose(0, 3652)
        from minute in Gen.Choose(0, (24 * 60) - 1)
        select Epoch.AddDays(day).AddMinutes(minute);

    private static Gen<DateTime?> OptionalDates => Gen.Frequency((1, Gen.Constant<DateTime?>(null)), (3, Dates.Select(d => (DateTime?)d)));

    private static Gen<T[]> SubsetWithDuplicates<T>(T[] all) =>
        from count in Gen.Choose(0, all.Length + 2)
        from items in Gen.ArrayOf(Gen.Elements(all), count)
        select items;

    private static Gen<ContactInputs> ContactInputsGen =>
        from relationship in OrEmpty(RelationshipStatus.No, RelationshipStatus.Yes)
        from power in OrEmpty(OrganizationalPower.Low, OrganizationalPower.High)
        from perception in OrEmpty(Perception.Detractor, Perception.Advocate)
        from activity in OrEmpty(ActivityLevel.Passive, ActivityLevel.Active)
        from behaviours in SubsetWithDuplicates(Model.Behaviours)
        from risks in SubsetWithDuplicates(Model.Risks)
        from view in OrEmpty(Model.Levels)
        from viewDate in OptionalDates
        from cadence in OrEmpty(FeedbackCadence.Quarterly, FeedbackCadence.HalfYearly, FeedbackCadence.Yearly)
        select new ContactInputs
        {
            Relationship = relationship,
            OrganizationalPower = power,
            Perception = perception,
            ActivityLevel = activity,
            ObservedBehaviours = behaviours,
            RiskBehaviours = risks,
            CustomerViewLevel = view,
            CustomerViewDate = viewDate,
            FeedbackCadence = cadence,
        };

    private static Gen<LevelHistory?> HistoryGen =>
        Gen.Frequency(
            (1, Gen.Constant<LevelHistory?>(null)),
            (3, from stored in OrEmpty(Model.Levels)
                from previous in OrEmpty(Model.Levels)
                from changedOn in OptionalDates
                select (LevelHistory?)new LevelHistory { StoredLevel = stored, PreviousLevel = previous, LevelChangedOn = changedOn }));

    private static Gen<ContactCase> ContactCaseGen =>
        from inputs in ContactInputsGen
        from history in HistoryGen
        from now in Dates
        select new ContactCase(inputs, history, now);

    // Ids: a random first character (cases, punctuation, accents) and a unique index, so no two ids are equal
    // even ignoring case, while their order exercises the lower-case ordinal rule.
    private static Gen<AccountContact> ContactGen(int index) =>
        from first in Gen.Elements('a', 'A', 'b', 'B', '_', 'z', 'Z', 'ä', 'I', 'i', '0', '9', '-')
        from action in OrEmpty(Enum.GetValues<RecommendedAction>())
        from power in OrEmpty(OrganizationalPower.Low, OrganizationalPower.High)
        from relationship in OrEmpty(RelationshipStatus.No, RelationshipStatus.Yes)
        from level in OrEmpty(Model.Levels)
        from health in Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Elements(0, 10, 40, 50, 51, 99, 100).Select(h => (int?)h)))
        from gap in Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Choose(-4, 4).Select(g => (int?)g)))
        from created in Gen.Frequency((1, Gen.Constant<DateTime?>(null)), (3, Gen.Choose(0, 5).Select(d => (DateTime?)Epoch.AddDays(d))))
        from name in Gen.Elements<string?>(null, string.Empty, " ", "Dana Reyes", "Eli\nMarsh", "<b>Fay</b> Chen", "Gus\r\n\tHale ", "Ida\u2028Lund")
        select new AccountContact
        {
            Id = first + index.ToString(CultureInfo.InvariantCulture),
            Name = name is null ? null : name + " " + index.ToString(CultureInfo.InvariantCulture),
            RecommendedAction = action,
            OrganizationalPower = power,
            Relationship = relationship,
            RelationshipLevel = level,
            HealthScore = health,
            ExpectationGap = gap,
            CreatedOn = created,
        };

    private static Gen<AccountCase> AccountCaseGen =>
        from count in Gen.Choose(0, 12)
        from contacts in Gen.CollectToArray(Enumerable.Range(0, count).Select(ContactGen))
        from view in OrEmpty(Model.Levels)
        from viewDate in OptionalDates
        from cadence in OrEmpty(FeedbackCadence.Quarterly, FeedbackCadence.HalfYearly, FeedbackCadence.Yearly)
        from now in Dates
        select new AccountCase(new AccountInputs { CustomerViewLevel = view, CustomerViewDate = viewDate, FeedbackCadence = cadence }, contacts, now);
}
