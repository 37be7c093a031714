using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CrmRelationship.Scoring;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// The hand-written groups of LogicalNames (the names themselves are generated from the source) hold what the
/// schema page says: a table's inputs, in the page's order, and its computed columns. The standard columns it
/// names, which the source does not define, are real standard columns of contact or account. The generated column
/// labels that messages name inputs by are the source's display names.
/// </summary>
[TestFixture]
public sealed class LogicalNamesTests
{
    private static readonly Dictionary<string, (IReadOnlyList<string> Inputs, IReadOnlyList<string> Computed)> Groups = new()
    {
        ["contact"] = (LogicalNames.ContactInputs.All, LogicalNames.Computed.Contact.Union(LogicalNames.Touchpoints.Contact).ToList()),
        ["account"] = (LogicalNames.AccountInputs.All, LogicalNames.Computed.Account.Union(LogicalNames.Touchpoints.Account).ToList()),
    };

    [TestCase("contact")]
    [TestCase("account")]
    public void Groups_InputsAndComputed_AreTheSchemaPagesColumnsOfTheTable(string entity)
    {
        var (inputs, computed) = Groups[entity];

        Assert.That(
            (inputs, computed.OrderBy(c => c, System.StringComparer.Ordinal).ToList()),
            Is.EqualTo((
                Fixture.Page.ColumnsOf(entity).Where(c => c.IsInput).Select(c => c.LogicalName).ToList(),
                SolutionColumns.ComputedOf(entity).OrderBy(c => c, System.StringComparer.Ordinal).ToList())));
    }

    [Test]
    public void StandardNames_AreStandardColumnsOfContactOrAccount()
    {
        var names = typeof(LogicalNames.Standard).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!);
        var known = KnownColumns.Of(LogicalNames.Contact).Concat(KnownColumns.Of(LogicalNames.Account));

        Assert.That(names.Except(known), Is.Empty);
    }

    [Test]
    public void ColumnLabels_AreTheDisplayNamesOfEveryColumnOfTheSource()
    {
        var tables = new (System.Type Names, System.Type Labels)[] { (typeof(ContactFields), typeof(Labels.ContactFields)), (typeof(AccountFields), typeof(Labels.AccountFields)) };

        var wrong =
            from table in tables
            let entity = Fixture.Source.Entities.Single(e => e.LogicalName == (string)table.Names.GetField(nameof(ContactFields.EntityLogicalName))!.GetRawConstantValue()!)
            from column in entity.Columns
            let name = table.Names.GetFields(BindingFlags.Public | BindingFlags.Static).SingleOrDefault(f => (string)f.GetRawConstantValue()! == column.LogicalName)
            let label = name is null ? null : table.Labels.GetField(name.Name)?.GetRawConstantValue() as string
            where label != column.DisplayName
            select entity.LogicalName + "." + column.LogicalName + ": " + (label ?? "no label") + " instead of " + column.DisplayName;

        Assert.That(wrong, Is.Empty, "run crmrel generate");
    }
}
