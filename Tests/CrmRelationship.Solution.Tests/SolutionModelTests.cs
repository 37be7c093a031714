using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests;

/// <summary>The reader API the packer and the plug-in test harness use, on the real source and on edge cases.</summary>
[TestFixture]
public sealed class SolutionModelTests
{
    [TestCase("Other/Solution.xml", SourceFileKind.SolutionManifest)]
    [TestCase("Other/Customizations.xml", SourceFileKind.Customizations)]
    [TestCase("Other/Relationships.xml", SourceFileKind.RelationshipIndex)]
    [TestCase("Other/Relationships/Contact.xml", SourceFileKind.Relationships)]
    [TestCase("OptionSets/rel_perception.xml", SourceFileKind.OptionSet)]
    [TestCase("Entities/Contact/Entity.xml", SourceFileKind.Entity)]
    [TestCase("Entities/Contact/RibbonDiff.xml", SourceFileKind.RibbonDiff)]
    [TestCase("Entities/Contact/FormXml/main/{d94b7442-df35-4837-af8d-e60fe33009f8}.xml", SourceFileKind.Form)]
    [TestCase("Entities/Contact/SavedQueries/{160d99db-7e2c-4726-951c-e2f5f0127c53}.xml", SourceFileKind.View)]
    [TestCase("Entities/Contact/Visualizations/{c1dd395a-c443-441d-a079-4926148f3d1e}.xml", SourceFileKind.Chart)]
    [TestCase("Roles/Relationship Manager.xml", SourceFileKind.SecurityRole)]
    [TestCase("AppModules/rel_RelationshipInfluence/AppModule.xml", SourceFileKind.AppModule)]
    [TestCase("AppModuleSiteMaps/rel_RelationshipInfluence/AppModuleSiteMap_managed.xml", SourceFileKind.SiteMap)]
    [TestCase("PluginAssemblies/X-1/X.dll.data.xml", SourceFileKind.PluginAssembly)]
    [TestCase("SdkMessageProcessingSteps/{2146843d-deea-4845-9673-3843584729ed}.xml", SourceFileKind.Step)]
    [TestCase("WebResources/rel_/scripts/contactform.js.data.xml", SourceFileKind.WebResource)]
    [TestCase("WebResources/rel_/scripts/contactform.js", SourceFileKind.Unknown)]
    [TestCase("customapis/rel_X/customapi.xml", SourceFileKind.CustomApi)]
    [TestCase("customapis/rel_X/customapirequestparameters/P/customapirequestparameter.xml", SourceFileKind.CustomApiRequestParameter)]
    [TestCase("customapis/rel_X/customapiresponseproperties/P/customapiresponseproperty.xml", SourceFileKind.CustomApiResponseProperty)]
    [TestCase("customapis/rel_X/customapiresponseproperties/P/customapirequestparameter.xml", SourceFileKind.Unknown)]
    [TestCase("PluginAssemblies/X-1/X.dll", SourceFileKind.Unknown)]
    [TestCase("Entities/Contact/Notes.xml", SourceFileKind.Unknown)]
    public void Classify_PathInTheLayout_GivesItsKind(string relative, SourceFileKind kind)
    {
        var root = Path.Combine(Path.GetTempPath(), "src");

        Assert.That(SourceFile.Classify(root, Path.Combine(root, relative)).Kind, Is.EqualTo(kind));
    }

    [Test]
    public void Classify_ManagedFileName_IsAManagedTwin()
    {
        var root = Path.Combine(Path.GetTempPath(), "src");
        var file = SourceFile.Classify(root, Path.Combine(root, "AppModules", "a", "AppModule_managed.xml"));

        Assert.That((file.IsManagedTwin, file.RelativePath), Is.EqualTo((true, "AppModules/a/AppModule_managed.xml")));
    }

    [Test]
    public void Load_MissingFolder_ThrowsDirectoryNotFound()
    {
        Assert.That(() => SolutionSource.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))), Throws.TypeOf<DirectoryNotFoundException>());
    }

    [Test]
    public void Step_ForPluginMessageAndTable_GivesItsRegistrationWithImages()
    {
        var step = Fixture.Source.Step("CrmRelationship.Plugins.ContactRollupPlugin", "Update", "contact");

        Assert.That(
            (step.PipelineStage, step.Image("PreImage")?.Kind, step.Image("PostImage")?.Kind, step.FiresForAnyColumn),
            Is.EqualTo((PipelineStage.PostOperation, (StepImageType?)StepImageType.PreImage, (StepImageType?)StepImageType.PostImage, false)));
    }

    [Test]
    public void Step_Unregistered_ThrowsNamingWhatWasLookedFor()
    {
        Assert.That(
            () => Fixture.Source.Step("CrmRelationship.Plugins.AccountScoringPlugin", "Delete", "account"),
            Throws.TypeOf<System.Collections.Generic.KeyNotFoundException>().With.Message.Contains("Delete of account"));
    }

    [Test]
    public void LoadSteps_FromTheFolder_GivesTheSameStepsAsTheFullLoad()
    {
        var root = SolutionSource.FindRepositoryRoot(AppContext.BaseDirectory);
        var steps = SolutionSource.LoadSteps(SolutionSource.SourceFolder(root));

        Assert.That(steps.Select(s => (s.Id, s.Name, s.Stage)), Is.EqualTo(Fixture.Source.Steps.Select(s => (s.Id, s.Name, s.Stage))));
    }

    [Test]
    public void StepsOf_PluginClass_GivesAllItsSteps()
    {
        Assert.That(Fixture.Source.StepsOf("CrmRelationship.Plugins.ContactRollupPlugin").Select(s => s.Message), Is.EquivalentTo(new[] { "Create", "Update", "Delete" }));
    }

    [Test]
    public void AssemblyIdentity_QualifiedTypeName_SplitsTypeAndIdentity()
    {
        var (type, assembly) = AssemblyIdentity.ParseQualifiedTypeName("A.B.C, A.B, Version=1.2.3.4, Culture=neutral, PublicKeyToken=null");

        Assert.That((type, assembly.Name, assembly.Version, assembly.IsStrongNamed), Is.EqualTo(("A.B.C", "A.B", "1.2.3.4", false)));
    }

    [Test]
    public void AssemblyIdentity_WithToken_FormatsAsADisplayName()
    {
        var identity = AssemblyIdentity.Parse("A, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null").WithPublicKeyToken("0123456789abcdef");

        Assert.That(identity.ToString(), Is.EqualTo("A, Version=1.0.0.0, Culture=neutral, PublicKeyToken=0123456789abcdef"));
    }

    [TestCase("A")]
    [TestCase("A, Version=1.0.0.0")]
    [TestCase("A, Version")]
    public void AssemblyIdentity_Incomplete_IsRefused(string text)
    {
        Assert.That(() => AssemblyIdentity.Parse(text), Throws.TypeOf<FormatException>());
    }

    [Test]
    public void SdkMessages_UnknownId_IsRefused()
    {
        Assert.That(() => SdkMessages.NameOf(Guid.Empty), Throws.InvalidOperationException);
    }

    [TestCase("Create")]
    [TestCase("update")]
    [TestCase("Delete")]
    public void SdkMessages_IdOfName_RoundTrips(string name)
    {
        Assert.That(SdkMessages.NameOf(SdkMessages.IdOf(name)), Is.EqualTo(name).IgnoreCase);
    }

    [Test]
    public void StrongNameKeyFile_NotAKeyBlob_IsRefused()
    {
        Assert.That(() => StrongNameKeyFile.PublicKeyToken(new byte[32]), Throws.TypeOf<FormatException>());
    }

    [Test]
    public void Schemas_ARoleWithoutItsId_IsReportedAsAProblem()
    {
        var broken = new XElement("ImportExportXml", new XElement("Roles", new XElement("Role", new XAttribute("name", "x"))));

        Assert.That(Fixture.Schemas.Validate(broken), Has.Count.GreaterThan(0).And.Some.Contains("/ImportExportXml/Roles/Role"));
    }

    [Test]
    public void Schemas_FetchWithAnUnknownOperator_IsReportedAsAProblem()
    {
        var fetch = XElement.Parse("<fetch><entity name='contact'><filter><condition attribute='x' operator='on-or-before-today' /></filter></entity></fetch>");

        Assert.That(Fixture.Schemas.Validate(fetch), Is.Not.Empty);
    }

    [TestCase("useraworderby", 0)]
    [TestCase("rawsortorder", 1)]
    public void Schemas_FetchAttributeAfter2018_OnlyUseRawOrderByIsAccepted(string attribute, int problems)
    {
        // useraworderby is the one named known difference; any other undeclared attribute is still a problem.
        var fetch = XElement.Parse($"<fetch {attribute}='true'><entity name='account'><order attribute='rel_relationshiplevel' /></entity></fetch>");

        Assert.That(Fixture.Schemas.Validate(fetch), Has.Count.EqualTo(problems));
    }

    [Test]
    public void Wrap_View_PutsItInsideItsEntityAsInCustomizationsXml()
    {
        var view = Fixture.Source.Files.First(f => f.Kind == SourceFileKind.View);
        var wrapped = CustomizationsWrapper.Wrap(view)!;

        Assert.That(
            wrapped.Root!.Elements().Single().Elements().Single().Elements().Select(e => e.Name.LocalName),
            Is.EqualTo(new[] { "Name", "SavedQueries" }));
    }

    [Test]
    public void Wrap_SolutionManifest_HasNoSchema()
    {
        var manifest = Fixture.Source.Files.Single(f => f.Kind == SourceFileKind.SolutionManifest);

        Assert.That(CustomizationsWrapper.Wrap(manifest), Is.Null);
    }
}
