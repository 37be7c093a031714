using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// The plug-in assembly registration: identity (including the public key token of the committed key),
/// sandbox isolation, the four plug-in classes that the plug-in project declares (three with steps, one the
/// main operation of a Custom API), and the packed file path.
/// </summary>
[TestFixture]
public sealed partial class PluginAssemblyTests
{
    private static readonly string PluginProject = Path.Combine(RepositoryPaths.Root, "Plugins", "CrmRelationship.Plugins");

    private static PluginAssemblyRegistration Assembly => Fixture.Source.PluginAssemblies.Single();

    [Test]
    public void Assembly_Identity_IsCrmRelationshipPlugins100Neutral()
    {
        var id = Assembly.Identity;

        Assert.That((id.Name, id.Version, id.Culture), Is.EqualTo(("CrmRelationship.Plugins", "1.0.0.0", "neutral")));
    }

    [Test]
    public void Assembly_PublicKeyToken_IsTheTokenOfTheCommittedKey()
    {
        var key = File.ReadAllBytes(Path.Combine(PluginProject, "CrmRelationship.Plugins.snk"));

        Assert.That(Assembly.Identity.PublicKeyToken, Is.EqualTo(StrongNameKeyFile.PublicKeyToken(key)));
    }

    [Test]
    public void Assembly_EveryPlaceThatNamesIt_UsesTheSameIdentity()
    {
        var identities = Assembly.Types.Select(t => AssemblyIdentity.ParseQualifiedTypeName(t.QualifiedName).Assembly)
            .Concat(Fixture.Source.Steps.Select(s => s.Assembly))
            .Concat(Fixture.Source.Manifest.RootComponents.Where(r => r.Type == ComponentType.PluginAssembly)
                .Select(r => AssemblyIdentity.Parse(r.SchemaName!)));

        Assert.That(identities, Is.All.EqualTo(Assembly.Identity));
    }

    [Test]
    public void Assembly_IsolationAndSource_AreSandboxAndDatabase()
    {
        Assert.That((Assembly.IsolationMode, Assembly.SourceType), Is.EqualTo((2, 0)));
    }

    [Test]
    public void Assembly_Types_AreTheFivePluginClasses()
    {
        Assert.That(Assembly.Types.Select(t => t.TypeName), Is.EquivalentTo(new[]
        {
            "CrmRelationship.Plugins.ContactScoringPlugin",
            "CrmRelationship.Plugins.ContactRollupPlugin",
            "CrmRelationship.Plugins.AccountScoringPlugin",
            "CrmRelationship.Plugins.PreviewRelationshipAssessmentPlugin",
            "CrmRelationship.Plugins.ActivityTouchpointsPlugin",
        }));
    }

    [Test]
    public void Assembly_EveryRegisteredClass_IsDeclaredByThePluginProject()
    {
        var sources = string.Join("\n", Directory.EnumerateFiles(PluginProject, "*.cs").Select(File.ReadAllText));
        var missing = Assembly.Types.Where(t =>
            !Regex.IsMatch(sources, @"\bclass\s+" + Regex.Escape(t.TypeName.Split('.').Last()) + @"\b")
            || !sources.Contains("namespace " + string.Join(".", t.TypeName.Split('.').SkipLast(1)), StringComparison.Ordinal));

        Assert.That(missing.Select(t => t.TypeName), Is.Empty);
    }

    [Test]
    public void Assembly_Folder_IsNamedAfterTheAssemblyAndItsUpperCaseId()
    {
        Assert.That(Assembly.Folder, Is.EqualTo($"PluginAssemblies/CrmRelationship.Plugins-{Assembly.Id.ToString().ToUpperInvariant()}"));
    }

    [Test]
    public void Assembly_FileName_IsTheDllInItsFolder()
    {
        Assert.That(Assembly.FileName, Is.EqualTo($"/{Assembly.Folder}/CrmRelationship.Plugins.dll"));
    }

    [Test]
    public void StrongNameKeyFile_PublicKeyToken_IsSixteenLowerCaseHexDigits()
    {
        var key = File.ReadAllBytes(Path.Combine(PluginProject, "CrmRelationship.Plugins.snk"));

        Assert.That(HexToken().IsMatch(StrongNameKeyFile.PublicKeyToken(key)), Is.True);
    }

    [GeneratedRegex("^[0-9a-f]{16}$")]
    private static partial Regex HexToken();
}
