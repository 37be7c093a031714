using System;
using System.Collections.Generic;
using System.Linq;
using CrmRelationship.Scoring;
using CrmRelationship.SolutionModel.Generation;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests.Generation;

/// <summary>
/// The generator behind <c>crmrel generate</c>: identifiers derived from the source's names, the same output for
/// the same input, and facts that do not fit the source refused with a sentence naming what is wrong.
/// </summary>
[TestFixture]
public sealed class CodeGeneratorTests
{
    private static readonly string[] Tiers = Enum.GetNames<ActionTier>();

    [TestCase("Low risk, move on", "LowRiskMoveOn")]
    [TestCase("Half-yearly", "HalfYearly")]
    [TestCase("Inner Circle", "InnerCircle")]
    [TestCase("Med potential, make a hero", "MedPotentialMakeAHero")]
    [TestCase("ObservedBehaviours", "ObservedBehaviours")]
    [TestCase("Customer's view", "CustomersView")]
    public void Pascal_OfALabel_IsItsWordsEachStartingUpperCase(string text, string expected)
    {
        Assert.That(Identifier.Pascal(text), Is.EqualTo(expected));
    }

    [TestCase("contact form script", "contactFormScript")]
    [TestCase("ActionUrgency", "actionUrgency")]
    public void Camel_OfAName_StartsLowerCase(string text, string expected)
    {
        Assert.That(Identifier.Camel(text), Is.EqualTo(expected));
    }

    [TestCase("rel_ActionUrgency", "ActionUrgency")]
    [TestCase("rel_PreviewRelationshipAssessment", "PreviewRelationshipAssessment")]
    [TestCase("contactid", "contactid")]
    public void WithoutPrefix_RemovesOnlyThePublishersPrefix(string name, string expected)
    {
        Assert.That(Identifier.WithoutPrefix(name, "rel"), Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase(" - ")]
    [TestCase("3 months")]
    public void Pascal_OfTextThatGivesNoIdentifier_IsRefused(string text)
    {
        Assert.That(() => Identifier.Pascal(text), Throws.TypeOf<GenerationException>().With.Message.Contains("must start with a letter"));
    }

    [Test]
    public void Generate_TwiceFromTheSameInput_GivesTheSameFilesInTheSameOrder()
    {
        var first = CodeGenerator.Generate(Fixture.Source, Facts(Ranks()));
        var second = CodeGenerator.Generate(Fixture.Source, Facts(Ranks().Reverse()));

        Assert.That((second.Files, second.Problems), Is.EqualTo((first.Files, first.Problems)));
    }

    [Test]
    public void Generate_GeneratedEnums_HoldEveryOptionOfTheSourceWithItsValue()
    {
        var choices = CodeGenerator.Generate(Fixture.Source, Facts(Ranks())).Files.Single(f => f.RelativePath.EndsWith("/Choices.g.cs", StringComparison.Ordinal)).Content;
        var missing = Fixture.Source.OptionSets.SelectMany(o => o.Options.Select(option => $"{Identifier.Pascal(option.Label)} = {option.Value},"))
            .Where(line => !choices.Contains(line, StringComparison.Ordinal));

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Generate_RankingWithoutOneAction_GeneratesAllButTheRanksAndNamesTheMissingAction()
    {
        var complete = CodeGenerator.Generate(Fixture.Source, Facts(Ranks()));
        var ranks = Ranks().Where(r => r.OptionValue != (int)RecommendedAction.LowRiskMoveOn);

        var code = CodeGenerator.Generate(Fixture.Source, Facts(ranks));

        Assert.That(
            (code.Files, code.Problems.Single().Contains("Low risk, move on (" + (int)RecommendedAction.LowRiskMoveOn + ") is ranked 0 times", StringComparison.Ordinal)),
            Is.EqualTo((complete.Files.Where(f => !f.RelativePath.EndsWith("/actionRanks.ts", StringComparison.Ordinal)).ToList(), true)));
    }

    [Test]
    public void Generate_RankingWithAnUnknownTierOrAGapInTheUrgencies_NamesBoth()
    {
        var ranks = Ranks().Select(r => r.OptionValue == (int)RecommendedAction.LowRiskMoveOn ? r with { Urgency = 12, Tier = "Urgent" } : r);

        var problem = CodeGenerator.Generate(Fixture.Source, Facts(ranks)).Problems.Single();

        Assert.That(
            problem,
            Does.Contain("the tier Urgent is not one of Neither, Risk, Potential").And.Contain("the urgencies are not 1 to 11, each once"));
    }

    [Test]
    public void Generate_RankingOfAChoiceTheSourceDoesNotHave_SaysSo()
    {
        var facts = Facts(Ranks()) with { Actions = new ActionRanking("NextStep", Tiers, Ranks().ToList()) };

        Assert.That(
            CodeGenerator.Generate(Fixture.Source, facts).Problems,
            Is.EqualTo(new[] { "The action ranking is for the choice NextStep, which the solution source does not have; rank a choice of the source." }));
    }

    [Test]
    public void Generate_TwoStandardColumnsWithOneIdentifier_IsRefusedNamingBoth()
    {
        var facts = Facts(Ranks()) with { StandardColumns = [new("Name", "name"), new("name", "fullname")] };

        Assert.That(
            () => CodeGenerator.Generate(Fixture.Source, facts),
            Throws.TypeOf<GenerationException>().With.Message.Contains("'name' and 'fullname'"));
    }

    [Test]
    public void Generate_MapWithoutAColourForOneAction_GeneratesAllButTheMapAndNamesTheAction()
    {
        var complete = CodeGenerator.Generate(Fixture.Source, Facts(Ranks()));
        var map = Map() with { Colours = Map().Colours.Select(c => c with { OptionValues = c.OptionValues.Where(v => v != (int)RecommendedAction.LowRiskMoveOn).ToList() }).ToList() };

        var code = CodeGenerator.Generate(Fixture.Source, Facts(Ranks()) with { Map = map });

        Assert.That(
            (code.Files, code.Problems.Single().Contains("Low risk, move on (" + (int)RecommendedAction.LowRiskMoveOn + ") is coloured 0 times", StringComparison.Ordinal)),
            Is.EqualTo((complete.Files.Where(f => !f.RelativePath.EndsWith("/stakeholderMap.ts", StringComparison.Ordinal)).ToList(), true)));
    }

    [Test]
    public void Generate_MapWithAQuadrantTwiceAndAColourThatIsNotRrggbb_NamesEveryProblem()
    {
        var quadrants = Map().Quadrants.Select(q => q with { Perception = (int)Perception.Advocate }).ToList();
        var colours = Map().Colours.Select((c, i) => i == 0 ? c with { Key = "High risk", Background = "red" } : c).ToList();

        var problem = CodeGenerator.Generate(Fixture.Source, Facts(Ranks()) with { Map = Map() with { Quadrants = quadrants, Colours = colours } }).Problems.Single();

        Assert.That(
            problem,
            Does.Contain("High power and Advocate are in 2 quadrants")
                .And.Contain("Low power and Detractor are in 0 quadrants")
                .And.Contain("the colour key 'High risk' is not lower-case words joined by hyphens")
                .And.Contain("the colour High risk has 'red', which is not #rrggbb"));
    }

    [Test]
    public void Generate_StakeholderMap_WritesEveryQuadrantAndColourOfTheFactsInTheirOrder()
    {
        var map = CodeGenerator.Generate(Fixture.Source, Facts(Ranks())).Files.Single(f => f.RelativePath.EndsWith("/stakeholderMap.ts", StringComparison.Ordinal)).Content;
        var expected = Map().Quadrants.Select(q => $"name: \"{q.Name}\", subtitle: \"{q.Subtitle}\"")
            .Concat(Map().Colours.Append(Map().NoAction).Select(c => $"key: \"{c.Key}\", legend: \"{c.Legend}\", background: \"{c.Background}\", foreground: \"{c.Foreground}\""))
            .ToList();

        Assert.That(expected.Select(e => map.IndexOf(e, StringComparison.Ordinal)), Is.Ordered.And.All.GreaterThan(0));
    }

    private static IEnumerable<RankedOption> Ranks() =>
        ActionRanks.All.Select(r => new RankedOption((int)r.Action, r.Urgency, r.Tier.ToString()));

    private static GenerationFacts Facts(IEnumerable<RankedOption> ranks) =>
        new(new ActionRanking(nameof(RecommendedAction), Tiers, ranks.ToList()), [new("ContactId", "contactid")], Map());

    private static MapFacts Map()
    {
        static ColourFact Colour(ActionColour c) => new(c.Key, c.Legend, c.Background, c.Foreground, c.Actions.Select(a => (int)a).ToList());
        return new(
            nameof(OrganizationalPower),
            nameof(Perception),
            nameof(RecommendedAction),
            MapQuadrants.All.Select(q => new QuadrantFact(q.Name, q.Subtitle, (int)q.Power, (int)q.Perception)).ToList(),
            ActionColours.All.Select(Colour).ToList(),
            Colour(ActionColours.NoAction));
    }
}
