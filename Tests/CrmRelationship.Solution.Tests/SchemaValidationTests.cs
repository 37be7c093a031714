using System.IO;
using System.Linq;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests;

/// <summary>Every file validates against Microsoft's published schemas with zero problems.</summary>
[TestFixture]
public sealed class SchemaValidationTests
{
    [TestCaseSource(typeof(Cases), nameof(Cases.SchemaFiles))]
    public void SourceFile_ValidatedAgainstPublishedSchemas_HasNoProblems(SourceFile file)
    {
        var problems = Fixture.Schemas.ValidateSourceFile(file);

        Assert.That(problems, Is.Empty);
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.AllFiles))]
    public void SourceFile_InSolutionPackagerLayout_HasAKnownKind(SourceFile file)
    {
        Assert.That(file.Kind, Is.Not.EqualTo(SourceFileKind.Unknown), file.RelativePath);
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.ManagedTwins))]
    public void ManagedTwin_ComparedWithItsUnmanagedFile_IsIdentical(SourceFile twin)
    {
        var unmanaged = twin.FullPath.Replace("_managed.xml", ".xml", System.StringComparison.Ordinal);

        Assert.That(File.ReadAllText(twin.FullPath), Is.EqualTo(File.ReadAllText(unmanaged)));
    }

    [TestCase(SourceFileKind.Form)]
    [TestCase(SourceFileKind.AppModule)]
    [TestCase(SourceFileKind.SiteMap)]
    public void ManagedAndUnmanagedPackage_FilesThatPackagerSplits_EachHaveATwin(SourceFileKind kind)
    {
        var files = Fixture.Source.Files.Where(f => f.Kind == kind).ToList();
        var missing = files.Where(f => !f.IsManagedTwin)
            .Where(f => !files.Any(t => t.IsManagedTwin && t.RelativePath == f.RelativePath.Replace(".xml", "_managed.xml", System.StringComparison.Ordinal)))
            .Select(f => f.RelativePath);

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void SolutionSource_BuiltFiles_AreNeverCommitted()
    {
        var built = Directory.EnumerateFiles(RepositoryPaths.SolutionSource, "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".dll", System.StringComparison.OrdinalIgnoreCase) || p.EndsWith(".js", System.StringComparison.OrdinalIgnoreCase)
                || p.EndsWith(".html", System.StringComparison.OrdinalIgnoreCase));

        Assert.That(built, Is.Empty);
    }
}
