using System.Linq;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests;

/// <summary>The page readers find what the pages hold, so a drift test can never pass by reading nothing.</summary>
[TestFixture]
public sealed class ReferencePageParsingTests
{
    [Test]
    public void SchemaPage_Read_FindsThirteenChoicesTwoOfThemMultiSelect()
    {
        var page = Fixture.Page;

        Assert.That((page.Choices.Count, page.Choices.Count(c => c.IsMultiSelect)), Is.EqualTo((13, 2)));
    }

    [Test]
    public void SchemaPage_Read_FindsTenContactInputsAndSeventeenComputed()
    {
        var columns = Fixture.Page.ContactColumns;

        Assert.That((columns.Count(c => c.IsInput), columns.Count(c => !c.IsInput)), Is.EqualTo((10, 17)));
    }

    [Test]
    public void SchemaPage_Read_FindsThreeAccountInputsAndTwentyComputed()
    {
        var columns = Fixture.Page.AccountColumns;

        Assert.That((columns.Count(c => c.IsInput), columns.Count(c => !c.IsInput)), Is.EqualTo((3, 20)));
    }

    [Test]
    public void SchemaPage_Read_FindsSevenContactViewsAndFourAccountViews()
    {
        Assert.That((Fixture.Page.ContactViews.Count, Fixture.Page.AccountViews.Count), Is.EqualTo((7, 4)));
    }

    [Test]
    public void SchemaPage_RecommendedAction_KeepsLabelsThatContainCommas()
    {
        var labels = Fixture.Page.Choices.Single(c => c.Name == "rel_recommendedaction").Labels;

        Assert.That((labels.Count, labels[3]), Is.EqualTo((11, "High risk, improve perception")));
    }

    [Test]
    public void ModelPage_Read_FindsTheTenQuestionsWithoutMarkdown()
    {
        var questions = Fixture.Model.Questions;

        Assert.That((questions.Count, questions["Customer's view of the relationship"]),
            Is.EqualTo((10, "How the customer describes the relationship, asked in a feedback conversation.")));
    }

    [TestCase("whole number −4..4", "int", -4d, 4d)]
    [TestCase("whole number 0..100", "int", 0d, 100d)]
    public void ColumnTypeSpec_WholeNumberRange_ReadsUnicodeMinus(string text, string type, double min, double max)
    {
        var spec = ColumnTypeSpec.Parse(text, "rel_x");

        Assert.That(spec, Is.EqualTo(new ColumnTypeSpec(type, MinValue: min, MaxValue: max)));
    }

    [TestCase("choice", "rel_direction", "rel_direction")]
    [TestCase("choice `rel_relationshiplevel`", "rel_previouslevel", "rel_relationshiplevel")]
    public void ColumnTypeSpec_Choice_BindsNamedOrSameNamedGlobalChoice(string text, string column, string optionSet)
    {
        Assert.That(ColumnTypeSpec.Parse(text, column).OptionSetName, Is.EqualTo(optionSet));
    }
}
