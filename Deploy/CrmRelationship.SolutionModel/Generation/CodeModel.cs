using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CrmRelationship.SolutionModel.Generation;

/// <summary>
/// What the code files say, read once from the source and the facts and checked before anything is written:
/// identifiers are unique, every ranked option exists once, a choice is not used by both single- and
/// multi-select columns. Everything is in a stable order, so the output depends only on the input.
/// </summary>
internal sealed class CodeModel
{
    private CodeModel(SolutionSource source, GenerationFacts facts)
    {
        var prefix = source.Manifest.CustomizationPrefix;
        Publisher = source.Manifest;
        OptionValueBase = checked(source.Manifest.CustomizationOptionValuePrefix * 10000);
        Choices = source.OptionSets.Select(o => ReadChoice(source, o)).OrderBy(c => c.TypeName, StringComparer.Ordinal).ToList();
        Unique("choice", Choices.Select(c => (c.TypeName, c.LogicalName)));
        Tables = source.Entities.Select(e => ReadTable(e, prefix)).OrderBy(t => t.LogicalName, StringComparer.Ordinal).ToList();
        CustomApis = source.CustomApis.Select(a => ReadApi(a, prefix)).OrderBy(a => a.UniqueName, StringComparer.Ordinal).ToList();
        Unique("Custom API", CustomApis.Select(a => (a.Identifier, a.UniqueName)));
        WebResources = source.WebResources.Select(ReadWebResource).OrderBy(w => w.Identifier, StringComparer.Ordinal).ToList();
        Unique("web resource", WebResources.Select(w => (w.Identifier, w.Name)));
        WebResourceControls = ReadControls(source, WebResources);
        try
        {
            Actions = ReadRanking(facts.Actions, Choices);
        }
        catch (GenerationException ex)
        {
            RankingProblem = ex.Message;
        }

        Tiers = facts.Actions.Tiers.ToList();
        StandardColumns = facts.StandardColumns.OrderBy(c => c.Identifier, StringComparer.Ordinal).ToList();
        Unique("standard column", StandardColumns.Select(c => (c.Identifier, c.LogicalName)));
    }

    public SolutionManifest Publisher { get; }

    public int OptionValueBase { get; }

    public IReadOnlyList<ChoiceModel> Choices { get; }

    public IReadOnlyList<TableModel> Tables { get; }

    public IReadOnlyList<CustomApiModel> CustomApis { get; }

    public IReadOnlyList<WebResourceModel> WebResources { get; }

    public IReadOnlyList<WebResourceControlModel> WebResourceControls { get; }

    /// <summary>The ranked choice and its options, most urgent first; null when the ranking does not fit the source.</summary>
    public RankingModel? Actions { get; }

    /// <summary>Why the ranking does not fit the source (an option added or removed since it was written), or null.</summary>
    public string? RankingProblem { get; }

    public IReadOnlyList<string> Tiers { get; }

    public IReadOnlyList<StandardColumn> StandardColumns { get; }

    public static CodeModel Read(SolutionSource source, GenerationFacts facts) => new(source, facts);

    private static ChoiceModel ReadChoice(SolutionSource source, GlobalOptionSet optionSet)
    {
        var options = optionSet.Options.Select(o => new OptionModel(Identifier.Pascal(o.Label), o.Label, o.Value)).ToList();
        if (options.Count == 0)
        {
            throw new GenerationException($"The choice {optionSet.Name} has no options; give it at least one.");
        }

        Unique("option of " + optionSet.Name, options.Select(o => (o.Identifier, o.Label)));
        var kinds = source.Entities.SelectMany(e => e.Columns)
            .Where(c => string.Equals(c.OptionSetName, optionSet.Name, StringComparison.Ordinal))
            .Select(c => c.AttributeType == "multiselectpicklist")
            .Distinct()
            .ToList();
        if (kinds.Count > 1)
        {
            throw new GenerationException(
                $"The choice {optionSet.Name} is used by both choice and multi-select choice columns; give each kind its own choice.");
        }

        var name = string.IsNullOrWhiteSpace(optionSet.DisplayName) ? optionSet.Name : optionSet.DisplayName;
        return new ChoiceModel(optionSet.Name, Identifier.Pascal(name), optionSet.Description, kinds.SingleOrDefault(), options);
    }

    private static TableModel ReadTable(EntityDefinition entity, string prefix)
    {
        var columns = entity.Columns
            .Select(c => new ColumnModel(Identifier.Pascal(Identifier.WithoutPrefix(c.SchemaName, prefix)), c.LogicalName, c.DisplayName))
            .OrderBy(c => c.LogicalName, StringComparer.Ordinal)
            .ToList();
        Unique("column of " + entity.LogicalName, columns.Select(c => (c.Identifier, c.LogicalName)));
        if (columns.Any(c => c.Identifier == "EntityLogicalName"))
        {
            throw new GenerationException($"A column of {entity.LogicalName} gives the identifier EntityLogicalName, which names the table itself.");
        }

        return new TableModel(entity.LogicalName, Identifier.Pascal(entity.SchemaName), "Solution/src/Entities/" + entity.SchemaName + "/Entity.xml", columns);
    }

    private static CustomApiModel ReadApi(CustomApiDefinition api, string prefix)
    {
        List<FieldModel> Fields(IEnumerable<CustomApiField> fields, string kind)
        {
            var list = fields.Select(f => new FieldModel(Identifier.Pascal(f.UniqueName), f.UniqueName, CustomApiFieldType.NameOf(f.Type), f.IsOptional, f.Description))
                .OrderBy(f => f.UniqueName, StringComparer.Ordinal)
                .ToList();
            Unique(kind + " of " + api.UniqueName, list.Select(f => (f.Identifier, f.UniqueName)));
            return list;
        }

        return new CustomApiModel(
            api.UniqueName,
            Identifier.Pascal(Identifier.WithoutPrefix(api.UniqueName, prefix)),
            api.Description,
            api.Folder,
            Fields(api.RequestParameters, "request parameter"),
            Fields(api.ResponseProperties, "response property"));
    }

    private static WebResourceModel ReadWebResource(WebResourceDefinition resource)
    {
        // "Relationship Influence: contact form script" → contactFormScript: the part after the product's name.
        var display = string.IsNullOrWhiteSpace(resource.DisplayName) ? resource.Name : resource.DisplayName;
        var colon = display.LastIndexOf(':');
        var words = colon >= 0 ? display.Substring(colon + 1) : display;
        return new WebResourceModel(Identifier.Camel(words), resource.Name, display);
    }

    private static List<WebResourceControlModel> ReadControls(SolutionSource source, IReadOnlyList<WebResourceModel> resources)
    {
        var controls = source.Forms
            .SelectMany(f => f.FormXml.Descendants("control").Select(c => (Form: f, Control: c)))
            .Select(x => (x.Form, Id: (string?)x.Control.Attribute("id"), Url: x.Control.Element("parameters")?.Element("Url")?.Value.Trim()))
            .Select(x => (x.Form, x.Id, Resource: resources.FirstOrDefault(r => string.Equals(r.Name, x.Url, StringComparison.Ordinal))))
            .Where(x => x.Resource is not null && !string.IsNullOrEmpty(x.Id))
            .Select(x => new WebResourceControlModel(x.Resource!.Identifier, x.Id!, x.Form.EntityLogicalName, x.Form.Name))
            .OrderBy(c => c.WebResourceIdentifier, StringComparer.Ordinal)
            .ToList();
        var clash = controls.GroupBy(c => c.WebResourceIdentifier).FirstOrDefault(g => g.Select(c => c.ControlId).Distinct().Count() > 1);
        if (clash is not null)
        {
            throw new GenerationException(
                $"The web resource {clash.Key} is shown by controls with different ids ({string.Join(", ", clash.Select(c => c.ControlId))}); give them one id.");
        }

        return controls.GroupBy(c => c.WebResourceIdentifier).Select(g => g.First()).ToList();
    }

    private static RankingModel ReadRanking(ActionRanking ranking, IReadOnlyList<ChoiceModel> choices)
    {
        var choice = choices.FirstOrDefault(c => string.Equals(c.TypeName, ranking.ChoiceTypeName, StringComparison.Ordinal))
            ?? throw new GenerationException($"The action ranking is for the choice {ranking.ChoiceTypeName}, which the solution source does not have; rank a choice of the source.");
        var problems = new List<string>();
        foreach (var option in choice.Options.Where(o => ranking.Ranks.Count(r => r.OptionValue == o.Value) != 1))
        {
            problems.Add($"{option.Label} ({option.Value}) is ranked {ranking.Ranks.Count(r => r.OptionValue == option.Value)} times");
        }

        problems.AddRange(ranking.Ranks.Where(r => choice.Options.All(o => o.Value != r.OptionValue))
            .Select(r => $"{r.OptionValue.ToString(CultureInfo.InvariantCulture)} is not an option of {choice.LogicalName}"));
        problems.AddRange(ranking.Ranks.Where(r => !ranking.Tiers.Contains(r.Tier, StringComparer.Ordinal))
            .Select(r => $"the tier {r.Tier} is not one of {string.Join(", ", ranking.Tiers)}"));
        var urgencies = ranking.Ranks.Select(r => r.Urgency).OrderBy(u => u).ToList();
        if (!urgencies.SequenceEqual(Enumerable.Range(1, urgencies.Count)))
        {
            problems.Add("the urgencies are not 1 to " + urgencies.Count.ToString(CultureInfo.InvariantCulture) + ", each once");
        }

        if (problems.Count > 0)
        {
            throw new GenerationException(
                $"ActionRanks in the Scoring library does not fit the choice {choice.LogicalName}: {string.Join("; ", problems)}. "
                + "Give every option one rank and tier there and run the command again.");
        }

        var ranked = ranking.Ranks.OrderBy(r => r.Urgency)
            .Select(r => new RankedOptionModel(choice.Options.Single(o => o.Value == r.OptionValue), r.Urgency, r.Tier))
            .ToList();
        return new RankingModel(choice, ranked);
    }

    private static void Unique(string what, IEnumerable<(string Identifier, string Source)> names)
    {
        var clash = names.GroupBy(n => n.Identifier, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new GenerationException(
                $"Two {what} names give the identifier {clash.Key}: {string.Join(" and ", clash.Select(n => "'" + n.Source + "'"))}; rename one.");
        }
    }
}

internal sealed record ChoiceModel(string LogicalName, string TypeName, string Description, bool MultiSelect, IReadOnlyList<OptionModel> Options)
{
    public string PropertyName => char.ToLowerInvariant(TypeName[0]) + TypeName.Substring(1);
}

internal sealed record OptionModel(string Identifier, string Label, int Value);

internal sealed record TableModel(string LogicalName, string Identifier, string SourcePath, IReadOnlyList<ColumnModel> Columns);

internal sealed record ColumnModel(string Identifier, string LogicalName, string DisplayName);

internal sealed record CustomApiModel(
    string UniqueName,
    string Identifier,
    string Description,
    string Folder,
    IReadOnlyList<FieldModel> RequestParameters,
    IReadOnlyList<FieldModel> ResponseProperties);

internal sealed record FieldModel(string Identifier, string UniqueName, string TypeName, bool? IsOptional, string Description);

internal sealed record WebResourceModel(string Identifier, string Name, string DisplayName);

internal sealed record WebResourceControlModel(string WebResourceIdentifier, string ControlId, string EntityLogicalName, string FormName);

internal sealed record RankingModel(ChoiceModel Choice, IReadOnlyList<RankedOptionModel> Ranks);

internal sealed record RankedOptionModel(OptionModel Option, int Urgency, string Tier);
