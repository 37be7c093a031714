using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CrmRelationship.Packaging;
using CrmRelationship.Packaging.Xml;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests.Packing;

/// <summary>
/// An XML file that is not well-formed stops the pack with one sentence naming that file, the line and the
/// position: every kind of source file the pack reads (a managed twin, a .data.xml and the custom API files
/// among them), the mapping file and Microsoft's XSDs.
/// </summary>
[TestFixture]
public sealed class XmlSyntaxErrorTests
{
    // A duplicate attribute: the parser stops on this line, wherever the line is.
    private const string Broken = "<broken a=\"1\" a=\"2\" />";

    [Test]
    public void Pack_SourceFileNotWellFormed_NamesTheFileLineAndPosition()
    {
        var source = TempFolder.CopyOfSource("not-well-formed");
        var folder = Path.GetDirectoryName(source)!;
        var options = PackRun.Options(folder, [PackageType.Unmanaged, PackageType.Managed], source);
        var files = OneFileOfEachKind(source).Append(options.MapFile!).ToList();

        var wrong = new List<string>();
        foreach (var file in files)
        {
            var original = File.ReadAllLines(file);
            var line = Break(file, original);
            try
            {
                var error = Assert.Throws<PackException>(() => SolutionPacker.Pack(options))!.Message;
                var expected = $"{file} is not well-formed XML at line {line}, position ";
                if (!error.StartsWith(expected, StringComparison.Ordinal) || !error.EndsWith(": fix the file.", StringComparison.Ordinal))
                {
                    wrong.Add($"{Path.GetRelativePath(folder, file)}: {error}");
                }
            }
            finally
            {
                File.WriteAllLines(file, original);
            }
        }

        Assert.That((files.Count > 15, wrong), Is.EqualTo((true, new List<string>())), $"{files.Count} files broken in turn");
    }

    [Test]
    public void LoadSchemas_SchemaFileNotWellFormed_NamesTheSchemaFileLineAndPosition()
    {
        var schemas = Path.Combine(TempFolder.Create("broken-xsd"), "schemas");
        Directory.CreateDirectory(schemas);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Schemas, "*.xsd"))
        {
            File.Copy(file, Path.Combine(schemas, Path.GetFileName(file)));
        }

        // The two schemas the packer loads and every file they include.
        string[] read =
        [
            "CustomizationsSolution.xsd", "isv.config.xsd", "SiteMapType.xsd", "FormXml.xsd", "RibbonCore.xsd",
            "RibbonTypes.xsd", "RibbonWSS.xsd", "Fetch.xsd", "VisualizationDataDescription.xsd",
        ];
        var wrong = new List<string>();
        foreach (var file in read.Select(name => Path.Combine(schemas, name)))
        {
            var original = File.ReadAllLines(file);
            var line = Break(file, original);
            try
            {
                var error = Assert.Throws<PackException>(() => PackSchemas.Load(schemas))!.Message;
                if (!error.StartsWith($"{file} is not well-formed XML at line {line}, position ", StringComparison.Ordinal))
                {
                    wrong.Add($"{Path.GetFileName(file)}: {error}");
                }
            }
            finally
            {
                File.WriteAllLines(file, original);
            }
        }

        Assert.That(wrong, Is.Empty);
    }

    // Inserts the broken line before the root's end tag and returns its line number.
    private static int Break(string file, string[] lines)
    {
        var last = Array.FindLastIndex(lines, l => l.Trim().Length > 0);
        File.WriteAllLines(file, lines.Take(last).Append(Broken).Concat(lines.Skip(last)));
        return last + 1;
    }

    // The first file of each kind, and the first managed twin, in path order.
    private static IEnumerable<string> OneFileOfEachKind(string source) =>
        SolutionSource.Load(source).Files
            .Where(f => f.RelativePath.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            .GroupBy(f => (f.Kind, f.IsManagedTwin))
            .Select(g => g.First().FullPath);
}
