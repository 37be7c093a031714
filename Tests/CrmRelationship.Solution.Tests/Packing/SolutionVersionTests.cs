using CrmRelationship.Packaging;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests.Packing;

/// <summary>--version takes x.y.z.w only; zip names carry it with underscores, as Dataverse names its exports.</summary>
[TestFixture]
public sealed class SolutionVersionTests
{
    [TestCase("1.0.0.0", true)]
    [TestCase("2.10.300.4000", true)]
    [TestCase("2147483647.0.0.1", true)]
    [TestCase("1.0.0", false)]
    [TestCase("1.0.0.0.0", false)]
    [TestCase("1.0.0.x", false)]
    [TestCase("1.0.-1.0", false)]
    [TestCase("1.0. 1.0", false)]
    [TestCase("2147483648.0.0.0", false)]
    [TestCase("", false)]
    public void TryParse_Text_AcceptsOnlyFourWholeNumbers(string text, bool valid)
    {
        Assert.That(SolutionVersion.TryParse(text, out _), Is.EqualTo(valid));
    }

    [TestCase("1.0.0.0", "1_0_0_0")]
    [TestCase("1.2.30.400", "1_2_30_400")]
    public void FileNamePart_Version_UsesUnderscores(string text, string expected)
    {
        Assert.That(SolutionVersion.Parse(text).FileNamePart, Is.EqualTo(expected));
    }
}
