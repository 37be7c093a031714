using CrmRelationship.Tests.Shared;
using NUnit.Framework;

namespace CrmRelationship.Deploy.Tests;

/// <summary>The crmrel command line itself: help and the exit-code contract of crmrel score.</summary>
[TestFixture]
public sealed class CommandLineTests
{
    [Test]
    public void ScoreHelp_ListsEveryOptionAndTheExitCodes()
    {
        var run = TestBook.Run("score", "--help");

        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Output, Does.Contain("--contacts").And.Contain("--accounts").And.Contain("--settings").And.Contain("--as-of").And.Contain("--out").And.Contain("--excel-safe"));
        Assert.That(run.Output, Does.Contain("Exit code 0").And.Contain("2: some rows rejected").And.Contain("1: nothing scored"));
    }

    [Test]
    public void RootHelp_ListsTheScoreCommand()
    {
        var run = TestBook.Run("--help");

        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Output, Does.Contain("score"));
    }
}
