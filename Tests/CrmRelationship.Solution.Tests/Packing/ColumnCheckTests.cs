using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CrmRelationship.Packaging;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests.Packing;

/// <summary>
/// The pack refuses a view, chart or form that names a column its table does not have (the solution's columns
/// plus <see cref="SystemColumns"/>), naming every such file, line and column in one sentence; the columns of a
/// linked table are checked against that table.
/// </summary>
[TestFixture]
public sealed class ColumnCheckTests
{
    private const string ContactView = "Entities/Contact/SavedQueries/{160d99db-7e2c-4726-951c-e2f5f0127c53}.xml";
    private const string ContactChart = "Entities/Contact/Visualizations/{c1dd395a-c443-441d-a079-4926148f3d1e}.xml";
    private const string AccountForm = "Entities/Account/FormXml/main/{87b5e97c-8605-4a1b-a3eb-8c3c70824d50}.xml";
    private const string AccountFormTwin = "Entities/Account/FormXml/main/{87b5e97c-8605-4a1b-a3eb-8c3c70824d50}_managed.xml";

    [Test]
    public void Pack_ViewChartAndFormNamingColumnsTheirTableLacks_IsRefusedNamingEachFileLineAndColumn()
    {
        var source = TempFolder.CopyOfSource("unknown-columns");
        var expected = new List<string>
        {
            Change(source, ContactView, "<cell name=\"rel_healthscore\" width=\"140\" />", "<cell name=\"rel_healthscor\" width=\"140\" />", "contact.rel_healthscor (grid cell)"),
            Change(source, ContactView, "<attribute name=\"ownerid\" />", "<attribute name=\"owner\" />", "contact.owner (fetch attribute)"),
            Change(source, ContactView, "<condition attribute=\"statecode\"", "<condition attribute=\"statuscode_typo\"", "contact.statuscode_typo (condition)"),
            Change(source, ContactView, "<order attribute=\"rel_healthscore\"", "<order attribute=\"rel_health\"", "contact.rel_health (sort order)"),
            Change(source, ContactChart, "name=\"rel_recommendedaction\" />", "name=\"rel_recommendedactions\" />", "contact.rel_recommendedactions (fetch attribute)"),
            Change(source, AccountForm, "datafieldname=\"websiteurl\"", "datafieldname=\"website\"", "account.website (form control)"),
            Change(source, AccountFormTwin, "datafieldname=\"websiteurl\"", "datafieldname=\"website\"", "account.website (form control)"),
        };
        var options = PackRun.Options(Path.GetDirectoryName(source)!, [PackageType.Unmanaged, PackageType.Managed], source);

        var error = Assert.Throws<PackException>(() => SolutionPacker.Pack(options))!.Message;

        Assert.That(error, Does.StartWith("Views, charts and forms name columns their tables do not have: ")
            .And.EndWith(": correct the names, or if a system column is meant, add it to Deploy/CrmRelationship.SolutionModel/SystemColumns.cs (README, \"System columns the solution uses\")."));
        Assert.That(expected.Where(e => !error.Contains(e, StringComparison.Ordinal)), Is.Empty, error);
        Assert.That(Directory.Exists(options.OutputDirectory) ? Directory.GetFiles(options.OutputDirectory) : [], Is.Empty, "no zip is written");
    }

    [Test]
    public void Unknown_ColumnsOfALinkedTable_AreCheckedAgainstThatTable()
    {
        // A contact view joined to its parent account: name, websiteurl and accountid are account columns; fullname and
        // jobtitle are contact columns, so under the link (or through the link's alias) they do not exist.
        var source = TempFolder.CopyOfSource("linked");
        var view = Path.Combine(source, ContactView);
        File.WriteAllText(view, File.ReadAllText(view)
            .Replace(
                "<condition attribute=\"statecode\" operator=\"eq\" value=\"0\" />",
                "<condition attribute=\"statecode\" operator=\"eq\" value=\"0\" /><condition entityname=\"acc\" attribute=\"name\" operator=\"not-null\" /><condition entityname=\"acc\" attribute=\"lastname\" operator=\"not-null\" />",
                StringComparison.Ordinal)
            .Replace(
                "<attribute name=\"ownerid\" />",
                "<attribute name=\"ownerid\" /><link-entity name=\"account\" from=\"accountid\" to=\"parentcustomerid\" alias=\"acc\">"
                + "<attribute name=\"name\" /><attribute name=\"websiteurl\" /><attribute name=\"fullname\" />"
                + "<filter><condition attribute=\"statecode\" operator=\"eq\" value=\"0\" /><condition attribute=\"jobtitle\" operator=\"not-null\" /></filter></link-entity>",
                StringComparison.Ordinal)
            .Replace(
                "<cell name=\"ownerid\" width=\"130\" />",
                "<cell name=\"ownerid\" width=\"130\" /><cell name=\"acc.websiteurl\" width=\"100\" /><cell name=\"acc.jobtitle\" width=\"100\" />",
                StringComparison.Ordinal));

        var unknown = ColumnReferences.Unknown(SolutionSource.Load(source));

        Assert.That(
            unknown.Select(u => $"{u.File}: {u.Table}.{u.Column} ({u.Kind})"),
            Is.EquivalentTo(new[]
            {
                $"{ContactView}: account.fullname (fetch attribute)",
                $"{ContactView}: account.jobtitle (condition)",
                $"{ContactView}: account.lastname (condition)",
                $"{ContactView}: account.jobtitle (grid cell)",
            }));
    }

    [Test]
    public void Read_SolutionSource_NamesOnlyColumnsItsTablesHave()
    {
        var references = ColumnReferences.Read(Fixture.Source);

        Assert.That(
            (references.Count > 200, ColumnReferences.Unknown(Fixture.Source).Select(u => $"{u.File}: {u.Table}.{u.Column}")),
            Is.EqualTo((true, Enumerable.Empty<string>())));
    }

    [Test]
    public void SystemColumns_EveryListedColumn_IsNamedByAViewChartFormOrStepOfItsTable()
    {
        // The list is what Solution/src uses, no more: a column no component names any longer leaves the list.
        var used = ColumnReferences.Read(Fixture.Source).Select(r => (r.Table, r.Column))
            .Concat(Fixture.Source.Steps.SelectMany(s => s.ReferencedColumns().Select(c => (Table: s.PrimaryEntity, Column: c))))
            .ToHashSet();

        var unused = SystemColumns.ByTable.SelectMany(t => t.Value.Select(c => (Table: t.Key, Column: c))).Where(c => !used.Contains(c));

        Assert.That(unused.Select(c => $"{c.Table}.{c.Column}"), Is.Empty);
    }

    [Test]
    public void Readme_SystemColumnsSection_ListsExactlySystemColumns()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md"));
        var start = Array.FindIndex(readme, l => l.StartsWith("#### System columns the solution uses", StringComparison.Ordinal));
        var listed = readme.Skip(start + 1).TakeWhile(l => !l.StartsWith('#')).Where(l => l.StartsWith("- ", StringComparison.Ordinal))
            .Select(l => l[2..].Split(':', 2))
            .ToDictionary(p => p[0].Trim('`', ' '), p => p[1].Split(',').Select(c => c.Trim().Trim('`', '.')).ToList());

        Assert.That(
            (start >= 0, listed),
            Is.EqualTo((true, SystemColumns.ByTable.ToDictionary(t => t.Key, t => t.Value.ToList()))));
    }

    // Replaces the first occurrence of a text in a source file; returns how the error must name it.
    private static string Change(string source, string file, string from, string to, string names)
    {
        var path = Path.Combine(source, file);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThanOrEqualTo(0), $"{file} holds {from}");
        File.WriteAllText(path, text[..at] + to + text[(at + from.Length)..]);
        var line = text[..at].Count(c => c == '\n') + 1;
        return $"{Path.Combine(source, file)} line {line}: {names}";
    }
}
