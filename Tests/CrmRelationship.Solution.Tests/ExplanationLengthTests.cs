using System.Collections.Generic;
using System.Linq;
using CrmRelationship.Scoring;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// The explanation writer cuts every explanation to the size of the column it is written to, on contact
/// and on account, as the solution source defines the column.
/// </summary>
[TestFixture]
public sealed class ExplanationLengthTests
{
    [Test]
    public void ExplanationCap_IsTheMaxLengthOfTheExplanationColumnOnContactAndAccount()
    {
        var sizes = new[] { LogicalNames.Contact, LogicalNames.Account }
            .ToDictionary(entity => entity, entity => Fixture.Source.Entity(entity).Column(LogicalNames.Computed.ScoreExplanation)?.MaxLength);

        Assert.That(sizes, Is.EqualTo(new Dictionary<string, int?>
        {
            [LogicalNames.Contact] = ExplanationWriter.MaxLength,
            [LogicalNames.Account] = ExplanationWriter.MaxLength,
        }));
    }
}
