using System;
using System.Linq;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// The built bundles publish the functions the forms' handlers name, and the stakeholder map page loads only web
/// resources of the solution. (The names and values the web resources use are generated from the source by
/// <c>crmrel generate</c>; GeneratedCodeTests in the Deploy tests fail when they are stale.)
/// </summary>
[TestFixture]
public sealed class WebResourceBundleTests
{
    [Test]
    public void FormHandlers_EachFunction_IsPublishedByTheBundleOfItsLibrary()
    {
        var handlers = Fixture.Source.Forms.SelectMany(f => f.FormXml.Descendants("Handler"))
            .Select(h => (Library: (string)h.Attribute("libraryName")!, Function: (string)h.Attribute("functionName")!))
            .ToList();
        var missing = handlers.Where(h => !WebResourceBuild.Functions(h.Library).Contains(h.Function)).Select(h => $"{h.Library}: {h.Function}");

        Assert.That((handlers.Count, missing), Is.EqualTo((2, Enumerable.Empty<string>())));
    }

    [Test]
    public void StakeholderMapPage_Scripts_AreWebResourcesOfTheSource()
    {
        var page = Fixture.Source.WebResources.Single(w => w.Type == WebResourceDefinition.Html).Name;
        var html = System.IO.File.ReadAllText(WebResourceBuild.BuiltFile(page));
        var sources = System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*\\bsrc=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        // Web resources are served as /WebResources/<name>, so a relative src resolves against the page's name.
        var resolved = sources.Select(s => new Uri(new Uri("https://org.example/WebResources/" + page), s).AbsolutePath["/WebResources/".Length..]);

        Assert.That(
            (sources.Count > 0, resolved.Except(Fixture.Source.WebResources.Select(w => w.Name))),
            Is.EqualTo((true, Enumerable.Empty<string>())));
    }
}
