using System.Linq;
using NUnit.Framework;
using L = CrmRelationship.Scoring.RelationshipLevel;
using Power = CrmRelationship.Scoring.OrganizationalPower;

namespace CrmRelationship.Scoring.Tests;

/// <summary>
/// AccountRollup, the arithmetic of relationship-model.md §7 taken on its own: what it keeps per rung of the
/// ladder and per kind of value as the contacts arrive one by one. The rules themselves are tested through
/// the scorer in <see cref="AccountRollupTests"/> and <see cref="KeyContactTests"/>.
/// </summary>
[TestFixture]
public sealed class AccountRollupAccumulatorTests
{
    // Transactional/High, Partner/Low, Partner/unknown power, Inner Circle/Low and a contact without a level.
    [TestCase(5, new long[] { 5, 0, 2, 0, 1 }, L.Transactional, TestName = "HighPowerWeight5_TransactionalHolds5Of8_Transactional")]
    [TestCase(1, new long[] { 1, 0, 2, 0, 1 }, L.Partner, TestName = "HighPowerWeight1_TransactionalHolds1Of4_Partner")]
    public void ContactsWithLevels_EachRungHoldsTheWeightOfItsContacts(int highPowerWeight, long[] expectedWeights, L expectedLevel)
    {
        var rollup = new AccountRollup(highPowerWeight);
        rollup.Add(Build.Member("1", power: Power.High, level: L.Transactional));
        rollup.Add(Build.Member("2", power: Power.Low, level: L.Partner));
        rollup.Add(Build.Member("3", power: null, level: L.Partner));
        rollup.Add(Build.Member("4", power: Power.Low, level: L.InnerCircle));
        rollup.Add(Build.Member("5", power: Power.High));

        Assert.Multiple(() =>
        {
            Assert.That(Enumerable.Range(1, 5).Select(rollup.WeightOn), Is.EqualTo(expectedWeights), "weight on rungs 1 to 5");
            Assert.That(rollup.WithLevel, Is.EqualTo(4), "contacts with a level");
            Assert.That(rollup.Level, Is.EqualTo(expectedLevel), "weighted lower median");
        });
    }

    [Test]
    public void AllWeightOnTheTopRung_LevelIsInnerCircle()
    {
        var rollup = new AccountRollup(3);
        rollup.Add(Build.Member("1", power: Power.High, level: L.InnerCircle));

        Assert.That(rollup.Level, Is.EqualTo(L.InnerCircle));
    }

    [Test]
    public void NoContacts_NothingCountedAndEveryResultEmpty()
    {
        var rollup = new AccountRollup(3);

        Assert.Multiple(() =>
        {
            Assert.That(rollup.Active, Is.Zero, nameof(rollup.Active));
            Assert.That(rollup.Assessed, Is.Zero, nameof(rollup.Assessed));
            Assert.That(rollup.KeyContact, Is.Null, nameof(rollup.KeyContact));
            Assert.That(rollup.RunnerUp, Is.Null, nameof(rollup.RunnerUp));
            Assert.That(rollup.Level, Is.Null, nameof(rollup.Level));
            Assert.That(rollup.Health, Is.Null, nameof(rollup.Health));
            Assert.That(rollup.MeanGap, Is.Null, nameof(rollup.MeanGap));
            Assert.That(rollup.HighPowerCoverage, Is.Null, nameof(rollup.HighPowerCoverage));
        });
    }

    [Test]
    public void ContactsWithSomeValues_EachCountHoldsOnlyTheContactsThatHaveItsValue()
    {
        var rollup = new AccountRollup(3);
        rollup.Add(Build.Member("1", RecommendedAction.LowRiskMoveOn, level: L.Partner, gap: 1));
        rollup.Add(Build.Member("2", action: null, level: L.Service, health: 50, gap: -1));
        rollup.Add(Build.Member("3", RecommendedAction.HighRiskImprovePerception, gap: 0));

        Assert.Multiple(() =>
        {
            Assert.That(rollup.Active, Is.EqualTo(3), nameof(rollup.Active));
            Assert.That(rollup.Assessed, Is.EqualTo(2), nameof(rollup.Assessed));
            Assert.That(rollup.AtRisk, Is.EqualTo(1), nameof(rollup.AtRisk));
            Assert.That(rollup.WithLevel, Is.EqualTo(2), nameof(rollup.WithLevel));
            Assert.That(rollup.WithHealth, Is.EqualTo(1), nameof(rollup.WithHealth));
            Assert.That(rollup.WithGap, Is.EqualTo(3), nameof(rollup.WithGap));
        });
    }
}
