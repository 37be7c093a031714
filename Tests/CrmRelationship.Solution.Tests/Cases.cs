using System.Collections.Generic;
using System.Linq;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// Test case sources built from what is on disk and on the schema page, so a new file, view, step or
/// column is tested without writing a new test.
/// </summary>
internal static class Cases
{
    private static readonly string[] Tables = ["contact", "account"];

    public static IEnumerable<TestCaseData> SchemaFiles() =>
        Fixture.Source.Files.Where(f => CustomizationsWrapper.HasSchema(f.Kind)).Select(File);

    public static IEnumerable<TestCaseData> AllFiles() => Fixture.Source.Files.Select(File);

    public static IEnumerable<TestCaseData> ManagedTwins() => Fixture.Source.Files.Where(f => f.IsManagedTwin).Select(File);

    public static IEnumerable<TestCaseData> Forms() => Fixture.Source.Forms.Select(f => Named(f, $"{f.EntityLogicalName} {f.Name}"));

    public static IEnumerable<TestCaseData> Views() => Fixture.Source.Views.Select(v => Named(v, v.Name));

    public static IEnumerable<TestCaseData> Charts() => Fixture.Source.Charts.Select(c => Named(c, c.Name));

    public static IEnumerable<TestCaseData> Steps() => Fixture.Source.Steps.Select(s => Named(s, s.Name));

    public static IEnumerable<TestCaseData> Choices() => Fixture.Page.Choices.Select(c => Named(c, c.Name));

    public static IEnumerable<TestCaseData> Columns() =>
        Tables.SelectMany(e => SolutionColumns.Of(e)
            .Select(c => new TestCaseData(e, c).SetArgDisplayNames(e, c.LogicalName)));

    public static IEnumerable<TestCaseData> ComputedColumns() =>
        Tables.SelectMany(e => SolutionColumns.Of(e).Where(c => !c.IsInput)
            .Select(c => new TestCaseData(e, c).SetArgDisplayNames(e, c.LogicalName)));

    public static IEnumerable<TestCaseData> ContactInputs() =>
        Fixture.Page.ContactColumns.Where(c => c.IsInput).Select(c => Named(c, c.LogicalName));

    public static IEnumerable<TestCaseData> PageViews() =>
        Fixture.Page.ContactViews.Select(v => new TestCaseData("contact", v).SetArgDisplayNames("contact", v))
            .Concat(Fixture.Page.AccountViews.Select(v => new TestCaseData("account", v).SetArgDisplayNames("account", v)));

    private static TestCaseData File(SourceFile file) => Named(file, file.RelativePath);

    private static TestCaseData Named(object value, string name) => new TestCaseData(value).SetArgDisplayNames(name);
}
