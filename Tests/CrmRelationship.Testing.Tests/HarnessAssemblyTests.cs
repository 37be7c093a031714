using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using NUnit.Framework;

namespace CrmRelationship.Testing.Tests;

/// <summary>
/// CrmRelationship.Testing as other test projects consume it: it depends on nothing of the product but
/// the solution model (it runs whatever plug-in assembly the caller gives), and each public type says in
/// its summary why it exists.
/// </summary>
[TestFixture]
public sealed class HarnessAssemblyTests
{
    private static readonly string[] AllowedReferences = { "CrmRelationship.SolutionModel", "Microsoft.Xrm.Sdk" };

    [Test]
    public void References_AreOnlyTheFrameworkTheSdkAndTheSolutionModel()
    {
        var references = typeof(Pipeline).Assembly.GetReferencedAssemblies().Select(r => r.Name!);

        Assert.That(
            references.Where(r => !AllowedReferences.Contains(r) && !r.StartsWith("System", StringComparison.Ordinal)),
            Is.Empty,
            "the harness must not reference the plug-in assembly, the Scoring library or a test framework");
    }

    [Test]
    public void PublicTypes_EachHaveASummary()
    {
        // Arrange: the documentation file the build writes next to the assembly.
        var assembly = typeof(Pipeline).Assembly;
        var documentation = XDocument.Load(Path.ChangeExtension(assembly.Location, ".xml"));
        var summarized = documentation.Descendants("member")
            .Where(m => !string.IsNullOrWhiteSpace((string?)m.Element("summary")))
            .Select(m => (string)m.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);

        // Act
        var undocumented = assembly.GetExportedTypes().Select(t => t.FullName!).Where(name => !summarized.Contains("T:" + name));

        // Assert
        Assert.That(undocumented, Is.Empty);
    }
}
