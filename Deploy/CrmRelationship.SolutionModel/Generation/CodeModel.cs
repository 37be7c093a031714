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
        var problems = new List<string>();
        try
        {
            Actions = ReadRanking(facts.Actions, Choices);
        }
        catch (GenerationException ex)
        {
            problems.Add(ex.Message);
        }

        try
        {
            Map = ReadMap(facts.Map, Choices);
        }
        catch (GenerationException ex)
        {
            problems.Add(ex.Message);
        }

        Problems = problems;

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

    /// <summary>The stakeholder map's quadrants and colours; null when they do not fit the source.</summary>
    public MapModel? Map { get; }

    /// <summary>Why the ranking or the map does not fit the source (an option added or removed since they were written); empty when both fit.</summary>
    public IReadOnlyList<string> Problems { get; }

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

    private static MapModel ReadMap(MapFacts map, IReadOnlyList<ChoiceModel> choices)
    {
        var problems = new List<string>();
        ChoiceModel? Choice(string typeName)
        {
            var choice = choices.FirstOrDefault(c => string.Equals(c.TypeName, typeName, StringComparison.Ordinal));
            if (choice is null)
            {
                problems.Add($"the choice {typeName} is not in the source");
            }

            return choice;
        }

        var power = Choice(map.PowerChoiceTypeName);
        var perception = Choice(map.PerceptionChoiceTypeName);
        var actions = Choice(map.ActionChoiceTypeName);
        var quadrants = new List<QuadrantModel>();
        if (power is not null && perception is not null)
        {
            foreach (var p in power.Options)
            {
                foreach (var q in perception.Options)
                {
                    var count = map.Quadrants.Count(x => x.Power == p.Value && x.Perception == q.Value);
                    if (count != 1)
                    {
                        problems.Add($"{p.Label} power and {q.Label} are in {count.ToString(CultureInfo.InvariantCulture)} quadrants");
                    }
                }
            }

            problems.AddRange(map.Quadrants
                .Where(x => power.Options.All(o => o.Value != x.Power) || perception.Options.All(o => o.Value != x.Perception))
                .Select(x => $"the quadrant {x.Name} is not placed by options of {power.LogicalName} and {perception.LogicalName}"));
            quadrants = map.Quadrants
                .Where(x => power.Options.Any(o => o.Value == x.Power) && perception.Options.Any(o => o.Value == x.Perception))
                .Select(x => new QuadrantModel(
                    Identifier.Camel(x.Name), x.Name, x.Subtitle, power.Options.Single(o => o.Value == x.Power), perception.Options.Single(o => o.Value == x.Perception)))
                .ToList();
        }

        var colours = new List<ColourModel>();
        if (actions is not null)
        {
            foreach (var option in actions.Options.Where(o => map.Colours.Sum(c => c.OptionValues.Count(v => v == o.Value)) != 1))
            {
                problems.Add($"{option.Label} ({option.Value.ToString(CultureInfo.InvariantCulture)}) is coloured {map.Colours.Sum(c => c.OptionValues.Count(v => v == option.Value)).ToString(CultureInfo.InvariantCulture)} times");
            }

            problems.AddRange(map.Colours.Concat(new[] { map.NoAction }).SelectMany(c => c.OptionValues)
                .Where(v => actions.Options.All(o => o.Value != v))
                .Select(v => $"{v.ToString(CultureInfo.InvariantCulture)} is not an option of {actions.LogicalName}"));
            problems.AddRange(map.NoAction.OptionValues.Count > 0 ? new[] { $"the no-action colour {map.NoAction.Key} lists options" } : Array.Empty<string>());
            colours = map.Colours.Select(c => new ColourModel(
                c.Key, c.Legend, c.Background, c.Foreground, c.OptionValues.SelectMany(v => actions.Options.Where(o => o.Value == v)).ToList())).ToList();
        }

        foreach (var colour in map.Colours.Concat(new[] { map.NoAction }))
        {
            if (!IsKebab(colour.Key))
            {
                problems.Add($"the colour key '{colour.Key}' is not lower-case words joined by hyphens");
            }

            problems.AddRange(new[] { colour.Background, colour.Foreground }.Where(c => !IsHexColour(c))
                .Select(c => $"the colour {colour.Key} has '{c}', which is not #rrggbb"));
        }

        problems.AddRange(map.Colours.Concat(new[] { map.NoAction }).GroupBy(c => c.Key, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"the colour key {g.Key} is used {g.Count().ToString(CultureInfo.InvariantCulture)} times"));
        problems.AddRange(quadrants.GroupBy(q => q.Key, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => $"the quadrants {string.Join(" and ", g.Select(q => q.Name))} give one key"));
        if (problems.Count > 0)
        {
            throw new GenerationException(
                $"MapQuadrants and ActionColours in the Scoring library do not fit the solution source: {string.Join("; ", problems)}. "
                + "Give every power and perception one quadrant and every action one colour there and run the command again.");
        }

        var noAction = new ColourModel(map.NoAction.Key, map.NoAction.Legend, map.NoAction.Background, map.NoAction.Foreground, Array.Empty<OptionModel>());
        return new MapModel(power!, perception!, actions!, quadrants, colours, noAction);
    }

    private static bool IsKebab(string key) =>
        key.Length > 0 && key[0] is >= 'a' and <= 'z' && key[key.Length - 1] != '-' && !key.Contains("--")
        && key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    private static bool IsHexColour(string colour) =>
        colour.Length == 7 && colour[0] == '#' && colour.Skip(1).All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

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

internal sealed record MapModel(
    ChoiceModel Power,
    ChoiceModel Perception,
    ChoiceModel Actions,
    IReadOnlyList<QuadrantModel> Quadrants,
    IReadOnlyList<ColourModel> Colours,
    ColourModel NoAction);

internal sealed record QuadrantModel(string Key, string Name, string Subtitle, OptionModel Power, OptionModel Perception);

internal sealed record ColourModel(string Key, string Legend, string Background, string Foreground, IReadOnlyList<OptionModel> Actions);
