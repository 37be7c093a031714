using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// GUIDs are stable and unique: every id the source defines (form, tab, section, cell, form library and
/// handler, view, chart, role, assembly, plug-in type, step, image, web resource) is defined once across the whole source, and every other GUID in the
/// text is either a reference to one of them or a platform constant listed here.
/// </summary>
[TestFixture]
public sealed partial class GuidTests
{
    // Defined by the platform, the same in every organization: control class ids (the web resource control
    // among them), SDK message ids and the default app icon web resource.
    private static readonly HashSet<Guid> PlatformConstants = new[]
    {
        "4273EDBD-AC1D-40d3-9FB2-095C621B552D", "ADA2203E-B4CD-49BE-9DDF-234642B43B52",
        "3EF39988-22BB-4f0b-BBBE-64B5A3748AEE", "4AA28AB7-9C13-4F57-A73D-AD894D048B5F",
        "5B773807-9FB2-42db-97C3-7A91EFF8ADFF", "C6D124CA-7EDA-4a60-AEA9-7FB8D318B68F",
        "E0DECE4B-6FC8-4a8f-A065-082708572369", "270BD3DB-D9AF-4782-9025-509E298DEC0A",
        "953b9fac-1e5e-e611-80d6-00155ded156f", "9FDF5F91-88B1-47F4-AD53-C11EFC01A01D",
        "C3EFE0C3-0EC6-42be-8349-CBD9079DFD8E",
    }.Select(Guid.Parse).Concat(SdkMessages.All).ToHashSet();

    [Test]
    public void DefinedIds_AcrossTheWholeSource_AreEachDefinedOnce()
    {
        var duplicates = Definitions().GroupBy(d => d.Id).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(d => d.Where))}");

        Assert.That(duplicates, Is.Empty);
    }

    [Test]
    public void EveryGuidInTheSource_IsADefinedIdOrAPlatformConstant()
    {
        var defined = Definitions().Select(d => d.Id).ToHashSet();
        var stray = SourceFiles()
            .SelectMany(f => AnyGuid().Matches(File.ReadAllText(f.FullPath)).Select(m => (File: f.RelativePath, Id: Guid.Parse(m.Value))))
            .Where(x => !defined.Contains(x.Id) && !PlatformConstants.Contains(x.Id))
            .Select(x => $"{x.File}: {x.Id}");

        Assert.That(stray, Is.Empty);
    }

    [Test]
    public void DefinedIds_NoneIsAPlatformConstantOrEmpty()
    {
        var wrong = Definitions().Where(d => d.Id == Guid.Empty || PlatformConstants.Contains(d.Id)).Select(d => d.Where);

        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void FileNamedByAnId_IsNamedByTheIdItDefines()
    {
        var named = SourceFiles().Where(f => f.FileName.StartsWith('{')).ToList();
        var mismatched = named.Where(f =>
        {
            var id = Guid.Parse(f.FileName.Substring(1, 36));
            return !Definitions().Any(d => d.Id == id && d.Where.StartsWith(f.RelativePath + " ", StringComparison.Ordinal));
        }).Select(f => f.RelativePath);

        Assert.That((named.Count > 0, mismatched), Is.EqualTo((true, Enumerable.Empty<string>())));
    }

    private static IEnumerable<SourceFile> SourceFiles() => Fixture.Source.Files.Where(f => !f.IsManagedTwin);

    // Elements and attributes whose GUID is the identity of the thing they sit on.
    private static readonly string[] DefiningElements =
    [
        "formid", "savedqueryid", "savedqueryvisualizationid", "SdkMessageProcessingStepImageId", "WebResourceId",
    ];

    private static readonly (string Element, string Attribute)[] DefiningAttributes =
    [
        ("tab", "id"), ("section", "id"), ("cell", "id"), ("header", "id"), ("footer", "id"),
        ("Role", "id"), ("PluginAssembly", "PluginAssemblyId"), ("PluginType", "PluginTypeId"),
        ("SdkMessageProcessingStep", "SdkMessageProcessingStepId"), ("Library", "libraryUniqueId"), ("Handler", "handlerUniqueId"),
    ];

    private static List<(Guid Id, string Where)> Definitions()
    {
        var result = new List<(Guid, string)>();
        foreach (var file in SourceFiles())
        {
            var document = XDocument.Load(file.FullPath);
            foreach (var element in document.Descendants())
            {
                var name = element.Name.LocalName;
                // A web resource is defined by its own .data.xml; a form's web resource control only points at it.
                if (DefiningElements.Contains(name) && (name != "WebResourceId" || element.Parent?.Name.LocalName == "WebResource"))
                {
                    result.Add((Guid.Parse(element.Value), $"{file.RelativePath} <{name}>"));
                }

                // A role is defined by its own file; AppModuleRoleMaps only point at it.
                foreach (var (_, attribute) in DefiningAttributes.Where(d => d.Element == name && (name != "Role" || element.Parent is null)))
                {
                    if (element.Attribute(attribute) is { } value)
                    {
                        result.Add((Guid.Parse(value.Value), $"{file.RelativePath} <{name} {attribute}>"));
                    }
                }
            }
        }

        return result;
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex AnyGuid();
}
