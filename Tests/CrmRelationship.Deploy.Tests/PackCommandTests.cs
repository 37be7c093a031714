using System;
using System.IO;
using CrmRelationship.Tests.Shared;
using NUnit.Framework;

namespace CrmRelationship.Deploy.Tests;

/// <summary>
/// crmrel pack's output folder through the command line: an --out that cannot be a folder stops the run with
/// exit code 1 and one sentence naming the path, before anything is built, never the unexpected-error sentence.
/// What the packer writes (all or nothing) is tested with the packer in CrmRelationship.Solution.Tests.
/// </summary>
[TestFixture]
public sealed class PackCommandTests
{
    private string folder = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "crmrel-pack-command-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [TestCase(false)]
    [TestCase(true)]
    public void Pack_OutIsAFile_ExitsOneNamingIt(bool noBuild)
    {
        var file = Path.Combine(folder, "zips");
        File.WriteAllText(file, "a file");

        var run = noBuild ? TestBook.Run("pack", "--out", file, "--no-build") : TestBook.Run("pack", "--out", file);

        Assert.That(
            (run.ExitCode, run.Error.TrimEnd()),
            Is.EqualTo((1, $"crmrel pack: --out {file} is a file, not a folder: choose a folder for the zips.")));
    }

    [Test]
    public void Pack_OutInsideAFile_ExitsOneNamingTheFile()
    {
        var file = Path.Combine(folder, "zips");
        File.WriteAllText(file, "a file");
        var output = Path.Combine(file, "out");

        var run = TestBook.Run("pack", "--out", output);

        Assert.That(
            (run.ExitCode, run.Error.TrimEnd()),
            Is.EqualTo((1, $"crmrel pack: --out {output} cannot be created because {file} is a file: choose another --out.")));
    }

    [TestCase("")]
    [TestCase(" ")]
    public void Pack_OutEmpty_ExitsOneAskingForAFolder(string output)
    {
        var run = TestBook.Run("pack", "--out", output);

        Assert.That(
            (run.ExitCode, run.Error.TrimEnd()),
            Is.EqualTo((1, "crmrel pack: --out needs a folder for the zips, such as --out out.")));
    }
}
