using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;

namespace CrmRelationship.Scoring.Tests;

public class ScoreColumnsTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 9, 0, 0);

    [Test]
    public void ContactTable_CoversEveryComputedColumnButScoredOn_EachHandingOneValue()
    {
        var score = RelationshipScorer.Default.ScoreContact(
            new ContactInputs { Relationship = RelationshipStatus.Yes, Perception = Perception.Advocate, OrganizationalPower = OrganizationalPower.High, ActivityLevel = ActivityLevel.Active },
            null,
            Now);

        Assert.That(Problems(ScoreColumns.Contact, score, LogicalNames.Computed.Contact), Is.Empty);
    }

    [Test]
    public void AccountTable_CoversEveryComputedColumnButScoredOn_EachHandingOneValue()
    {
        var score = RelationshipScorer.Default.ScoreAccount(new AccountInputs(), Array.Empty<AccountContact>(), Now);

        Assert.That(Problems(ScoreColumns.Account, score, LogicalNames.Computed.Account), Is.Empty);
    }

    [Test]
    public void ContactTable_HandsEachValueInItsColumnsType()
    {
        var score = RelationshipScorer.Default.ScoreContact(
            new ContactInputs { Relationship = RelationshipStatus.Yes, Perception = Perception.Detractor, OrganizationalPower = OrganizationalPower.High, ActivityLevel = ActivityLevel.Active },
            null,
            Now);
        var sink = new RecordingSink();

        var values = ScoreColumns.Contact.ToDictionary(c => c.Name, c => sink.Take(c, score));

        Assert.Multiple(() =>
        {
            Assert.That(values[LogicalNames.Computed.RecommendedAction], Is.EqualTo(("choice", (object?)((int)score.RecommendedAction!.Value, Labels.Of(score.RecommendedAction.Value)))));
            Assert.That(values[LogicalNames.Computed.ActionUrgency], Is.EqualTo(("whole number", (object?)RelationshipMatrix.Urgency(score.RecommendedAction.Value))));
            Assert.That(values[LogicalNames.Computed.NextFeedbackDue], Is.EqualTo(("date", (object?)score.NextFeedbackDue)));
            Assert.That(values[LogicalNames.Computed.ScoreExplanation], Is.EqualTo(("explanation", (object?)score.Explanation)));
        });
    }

    /// <summary>Columns missing from the table, columns it has twice or has but should not, and columns that hand over no value or more than one.</summary>
    private static List<string> Problems<TScore>(ScoreColumn<TScore>[] table, TScore score, string[] computed)
    {
        var expected = computed.Where(c => c != LogicalNames.Computed.ScoredOn).ToList();
        var names = table.Select(c => c.Name).ToList();
        var problems = expected.Except(names).Select(c => c + ": missing").ToList();
        problems.AddRange(names.Except(expected).Select(c => c + ": not a computed column it should write"));
        problems.AddRange(names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key + ": listed twice"));
        foreach (var column in table)
        {
            var sink = new RecordingSink();
            column.Write(score, sink);
            if (sink.Calls != 1)
            {
                problems.Add(column.Name + ": handed " + sink.Calls + " values");
            }
        }

        return problems;
    }

    private sealed class RecordingSink : IScoreValueSink
    {
        private (string Kind, object? Value) last;

        public int Calls { get; private set; }

        public (string Kind, object? Value) Take<TScore>(ScoreColumn<TScore> column, TScore score)
        {
            column.Write(score, this);
            return last;
        }

        public void Choice(int? optionValue, string? label) => Record("choice", optionValue is null ? null : (optionValue.Value, label));

        public void WholeNumber(int? value) => Record("whole number", value);

        public void DateOnly(DateTime? value) => Record("date", value);

        public void Explanation(IExplainedScore score) => Record("explanation", score.Explanation);

        public void ContactReference(string? contactId) => Record("contact", contactId);

        public void Text(string? value) => Record("text", value);

        private void Record(string kind, object? value)
        {
            Calls++;
            last = (kind, value);
        }
    }
}
