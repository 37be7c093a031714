using System.Collections.Generic;
using System.IO;
using System.Linq;
using CrmRelationship.Packaging;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests.Packing;

/// <summary>
/// Microsoft's XSDs are found through --schemas, then CRMREL_SCHEMAS, then ../shared/schemas beside the
/// checkout; a folder that is named but holds no schemas is refused naming what named it; with none, the pack
/// still runs every other check and writes both zips, and says once that schema validation was skipped.
/// These tests never need the real XSDs: they build checkouts and schema folders of their own.
/// </summary>
[TestFixture]
public sealed class SchemaLocationTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Test]
    public void Find_NothingNamedAndNothingBeside_SkipsWithTheWayToTurnItOn()
    {
        var checkout = Checkout("none", withSharedSchemas: false);

        var location = SchemaLocation.Find(null, checkout, NoEnvironment.GetValueOrDefault);

        Assert.That((location.Directory, location.Origin, location.SkipReason), Is.EqualTo(((string?)null, "none",
            "Schema validation skipped: no folder of Microsoft's solution XSDs was found; pass --schemas DIR or set CRMREL_SCHEMAS to the folder "
            + "that holds Microsoft's CustomizationsSolution.xsd (the Schemas download of the Power Apps developer documentation).")));
    }

    [Test]
    public void Find_SharedSchemasBesideTheCheckout_IsUsed()
    {
        var checkout = Checkout("beside", withSharedSchemas: true);

        var location = SchemaLocation.Find(null, checkout, NoEnvironment.GetValueOrDefault);

        Assert.That((location.Directory, location.Origin, location.SkipReason),
            Is.EqualTo((Path.GetFullPath(Path.Combine(checkout, "..", "shared", "schemas")), "../shared/schemas", (string?)null)));
    }

    [Test]
    public void Find_EnvironmentVariable_WinsOverTheFolderBeside()
    {
        var checkout = Checkout("environment", withSharedSchemas: true);
        var elsewhere = SchemaFolder(Path.Combine(checkout, "..", "elsewhere"));
        var environment = new Dictionary<string, string?> { [SchemaLocation.EnvironmentVariable] = elsewhere };

        var location = SchemaLocation.Find(null, checkout, environment.GetValueOrDefault);

        Assert.That((location.Directory, location.Origin), Is.EqualTo((elsewhere, SchemaLocation.EnvironmentVariable)));
    }

    [Test]
    public void Find_Option_WinsOverTheEnvironmentVariable()
    {
        var checkout = Checkout("option", withSharedSchemas: false);
        var option = SchemaFolder(Path.Combine(checkout, "..", "option"));
        var environment = new Dictionary<string, string?> { [SchemaLocation.EnvironmentVariable] = Path.Combine(checkout, "missing") };

        var location = SchemaLocation.Find(option, checkout, environment.GetValueOrDefault);

        Assert.That((location.Directory, location.Origin), Is.EqualTo((option, "--schemas")));
    }

    [TestCase("--schemas")]
    [TestCase(SchemaLocation.EnvironmentVariable)]
    public void Find_NamedFolderMissing_IsRefusedNamingWhatNamedIt(string namedBy)
    {
        var checkout = Checkout("missing", withSharedSchemas: true);
        var missing = Path.Combine(checkout, "no-such-folder");
        var environment = new Dictionary<string, string?> { [SchemaLocation.EnvironmentVariable] = missing };

        var error = Assert.Throws<SchemaLocationException>(() => SchemaLocation.Find(
            namedBy == "--schemas" ? missing : null, checkout, environment.GetValueOrDefault))!.Message;

        Assert.That(error, Is.EqualTo($"{namedBy} names {missing}, which is not a folder: {SchemaLocation.HowToTurnOn}."));
    }

    [Test]
    public void Find_NamedFolderWithoutTheRootSchema_IsRefused()
    {
        var checkout = Checkout("empty", withSharedSchemas: false);
        var empty = Directory.CreateDirectory(Path.Combine(checkout, "..", "empty")).FullName;

        var error = Assert.Throws<SchemaLocationException>(() => SchemaLocation.Find(empty, checkout, NoEnvironment.GetValueOrDefault))!.Message;

        Assert.That(error, Is.EqualTo($"--schemas names {empty}, which has no CustomizationsSolution.xsd: {SchemaLocation.HowToTurnOn}."));
    }

    [Test]
    public void Pack_WithoutSchemas_WritesBothZipsAndSaysValidationWasSkipped()
    {
        var lines = new List<string>();
        var packed = PackRun.Pack("no-schemas", [PackageType.Unmanaged, PackageType.Managed], o => o with { SchemaDirectory = null, Progress = lines.Add });

        Assert.That(
            (packed.Result.Zips.Select(z => File.Exists(z.Path)), packed.Result.KnownSchemaDifferences, packed.Result.SchemaValidationSkipped,
                lines.Count(l => l.StartsWith("Schema validation skipped", System.StringComparison.Ordinal)), lines.Any(l => l.StartsWith("Validating", System.StringComparison.Ordinal))),
            Is.EqualTo((new[] { true, true }, new List<string>(), SchemaLocation.Skipped, 1, false)));
    }

    [Test]
    public void Pack_WithoutSchemas_StillRunsTheOtherChecks()
    {
        var folder = TempFolder.Create("no-schemas-guard");
        var options = PackRun.Options(folder, [PackageType.Unmanaged]) with { SchemaDirectory = null };
        var map = PackRun.StandInMap(folder, RepositoryPaths.SolutionSource, PackRun.FileToFile(PackRun.PluginDllSourcePath, PackRun.StandInSdk));

        var error = Assert.Throws<PackException>(() => SolutionPacker.Pack(options with { MapFile = map }))!.Message;

        Assert.That(error, Does.StartWith("Refusing to pack"));
    }

    // A checkout folder (with a CrmRelationship.sln) inside a new parent, with or without ../shared/schemas.
    private static string Checkout(string name, bool withSharedSchemas)
    {
        var parent = TempFolder.Create("location-" + name);
        var checkout = Directory.CreateDirectory(Path.Combine(parent, "checkout")).FullName;
        File.WriteAllText(Path.Combine(checkout, "CrmRelationship.sln"), string.Empty);
        if (withSharedSchemas)
        {
            SchemaFolder(Path.Combine(parent, "shared", "schemas"));
        }

        return checkout;
    }

    private static string SchemaFolder(string path)
    {
        var full = Directory.CreateDirectory(path).FullName;
        File.WriteAllText(Path.Combine(full, SchemaLocation.RootSchema), "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" />");
        return full;
    }
}
