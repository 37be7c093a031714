using System.Collections.Generic;
using System.Linq;

namespace CrmRelationship.SolutionModel.Generation;

/// <summary>
/// The TypeScript modules of the web resources (strict, ES modules): plain <c>as const</c> objects that the
/// hand-written src/shared/schema.ts groups and wraps in helpers.
/// </summary>
internal static class TypeScriptCode
{
    public static IEnumerable<(string Name, string Content)> Files(CodeModel model)
    {
        yield return ("choices.ts", Choices(model));
        if (model.Actions is { } actions)
        {
            yield return ("actionRanks.ts", ActionRanks(model, actions));
        }
        yield return ("columns.ts", Columns(model));
        yield return ("customApis.ts", CustomApis(model));
        if (model.Map is { } map)
        {
            yield return ("stakeholderMap.ts", StakeholderMap(map));
        }

        yield return ("webResources.ts", WebResources(model));
    }

    private static string Choices(CodeModel model)
    {
        var w = Start();
        w.Line("/**")
            .Line($" * The first option value of the publisher's choices: its option value prefix ({Literal.Number(model.Publisher.CustomizationOptionValuePrefix)},")
            .Line(" * Solution/src/Other/Solution.xml) × 10,000. Option n of each choice of this solution is OPTION_VALUE_BASE + n.")
            .Line(" */")
            .Line($"export const OPTION_VALUE_BASE = {Literal.Number(model.OptionValueBase)};");
        foreach (var choice in model.Choices)
        {
            w.Line()
                .Line($"/** {Literal.JsDoc(choice.Description)} ({choice.LogicalName}) */")
                .Open($"export const {choice.TypeName} = {{");
            foreach (var option in choice.Options)
            {
                w.Line($"{option.Identifier}: {Literal.Number(option.Value)},");
            }

            w.Close("} as const;");
        }

        w.Line()
            .Line("/** Every global choice of the solution: its name, whether multi-select columns use it, its options in order. */")
            .Open("export const Choices = {");
        foreach (var choice in model.Choices)
        {
            w.Open($"{choice.PropertyName}: {{")
                .Line($"name: {Literal.Quoted(choice.LogicalName)},")
                .Line($"multiSelect: {(choice.MultiSelect ? "true" : "false")},")
                .Open("options: [");
            foreach (var option in choice.Options)
            {
                w.Line($"{{ key: {Literal.Quoted(option.Identifier)}, label: {Literal.Quoted(option.Label)}, value: {Literal.Number(option.Value)} }},");
            }

            w.Close("],").Close("},");
        }

        w.Close("} as const;");
        return w.ToString();
    }

    private static string ActionRanks(CodeModel model, RankingModel actions)
    {
        var choice = actions.Choice.TypeName;
        var tiers = string.Join(" | ", model.Tiers.Select(t => Literal.Quoted(Identifier.Camel(t))));
        var w = Start();
        w.Line($"import type {{ {choice} }} from \"./choices\";")
            .Line()
            .Line("/** ActionTier of the Scoring library: whether an action is a risk, a potential or neither. */")
            .Line($"export type ActionTier = {tiers};")
            .Line()
            .Line("/** An action's urgency (1 = most urgent) and tier. */")
            .Open("export interface ActionRank {")
            .Line($"readonly key: keyof typeof {choice};")
            .Line("readonly value: number;")
            .Line("readonly urgency: number;")
            .Line("readonly tier: ActionTier;")
            .Close("}")
            .Line()
            .Line("/** ActionRanks.All of the Scoring library (relationship-model.md §2), most urgent first. */")
            .Open("export const ACTION_RANKS: readonly ActionRank[] = [");
        foreach (var rank in actions.Ranks)
        {
            var key = rank.Option.Identifier;
            w.Line($"{{ key: {Literal.Quoted(key)}, value: {Literal.Number(rank.Option.Value)}, urgency: {Literal.Number(rank.Urgency)}, tier: {Literal.Quoted(Identifier.Camel(rank.Tier))} }},");
        }

        w.Close("];")
            .Line()
            .Line("/** The actions' keys, most urgent first. */")
            .Open($"export const ACTION_URGENCY_ORDER: readonly (keyof typeof {choice})[] = [");
        foreach (var rank in actions.Ranks)
        {
            w.Line($"{Literal.Quoted(rank.Option.Identifier)},");
        }

        w.Close("];");
        return w.ToString();
    }

    private static string StakeholderMap(MapModel map)
    {
        var (power, perception, actions) = (map.Power.TypeName, map.Perception.TypeName, map.Actions.TypeName);
        var w = Start();
        w.Line($"import type {{ {actions} }} from \"./choices\";")
            .Line()
            .Line("/** The stakeholder map's quadrants, keyed by name. */")
            .Line($"export type MapQuadrantKey = {string.Join(" | ", map.Quadrants.Select(q => Literal.Quoted(q.Key)))};")
            .Line()
            .Line("/** A quadrant of the stakeholder map: the contacts with this organizational power and perception, under the name sellers use. */")
            .Open("export interface MapQuadrant {")
            .Line("readonly key: MapQuadrantKey;")
            .Line("readonly name: string;")
            .Line("readonly subtitle: string;")
            .Line($"/** An option value of {power}. */")
            .Line("readonly power: number;")
            .Line($"/** An option value of {perception}. */")
            .Line("readonly perception: number;")
            .Close("}")
            .Line()
            // Option values as numbers, not OrganizationalPower.High: a bundle that does not use the map leaves the table out.
            .Line("/** MapQuadrants.All of the Scoring library, in the grid's reading order. */")
            .Open("export const MAP_QUADRANTS: readonly MapQuadrant[] = [");
        foreach (var q in map.Quadrants)
        {
            w.Line($"{{ key: {Literal.Quoted(q.Key)}, name: {Literal.Quoted(q.Name)}, subtitle: {Literal.Quoted(q.Subtitle)}, "
                + $"power: {Literal.Number(q.Power.Value)}, perception: {Literal.Number(q.Perception.Value)} }},");
        }

        w.Close("];")
            .Line()
            .Line("/** The chip colours of the stakeholder map, keyed as in the Scoring library's ActionColours. */")
            .Line($"export type ActionColourKey = {string.Join(" | ", map.Colours.Append(map.NoAction).Select(c => Literal.Quoted(c.Key)))};")
            .Line()
            .Line("/** A chip colour (#rrggbb fill and text) and its legend entry: the actions drawn in it. */")
            .Open("export interface ActionColour {")
            .Line("readonly key: ActionColourKey;")
            .Line("readonly legend: string;")
            .Line("readonly background: string;")
            .Line("readonly foreground: string;")
            .Line($"readonly actions: readonly (keyof typeof {actions})[];")
            .Close("}")
            .Line()
            .Line("/** ActionColours.All of the Scoring library: every action in exactly one, most urgent first. */")
            .Open("export const ACTION_COLOURS: readonly ActionColour[] = [");
        foreach (var colour in map.Colours)
        {
            w.Line(ColourLiteral(colour) + ",");
        }

        w.Close("];")
            .Line()
            .Line("/** ActionColours.NoAction of the Scoring library: a contact without a recommended action. */")
            .Line($"export const NO_ACTION_COLOUR: ActionColour = {ColourLiteral(map.NoAction)};");
        return w.ToString();
    }

    private static string ColourLiteral(ColourModel colour) =>
        $"{{ key: {Literal.Quoted(colour.Key)}, legend: {Literal.Quoted(colour.Legend)}, background: {Literal.Quoted(colour.Background)}, "
        + $"foreground: {Literal.Quoted(colour.Foreground)}, actions: [{string.Join(", ", colour.Actions.Select(a => Literal.Quoted(a.Identifier)))}] }}";

    private static string Columns(CodeModel model)
    {
        var w = Start();
        foreach (var table in model.Tables)
        {
            w.Line($"/** The logical names of the solution's columns on {table.LogicalName} ({table.SourcePath}). */")
                .Open($"export const {table.Identifier}Columns = {{")
                .Line($"entityName: {Literal.Quoted(table.LogicalName)},");
            foreach (var column in table.Columns)
            {
                w.Line($"/** {Literal.JsDoc(column.DisplayName)} */")
                    .Line($"{Identifier.Camel(column.Identifier)}: {Literal.Quoted(column.LogicalName)},");
            }

            w.Close("} as const;").Line();
        }

        w.Line("/** The standard columns the product reads (LogicalNames.Standard of the Scoring library). */")
            .Open("export const StandardColumns = {");
        foreach (var column in model.StandardColumns)
        {
            w.Line($"{Identifier.Camel(column.Identifier)}: {Literal.Quoted(column.LogicalName)},");
        }

        w.Close("} as const;");
        return w.ToString();
    }

    private static string CustomApis(CodeModel model)
    {
        var w = Start();
        var first = true;
        foreach (var api in model.CustomApis)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            w.Line($"/** The Custom API {api.UniqueName} (Solution/src/{api.Folder}): {Literal.JsDoc(api.Description)} */")
                .Open($"export const {api.Identifier}Api = {{")
                .Line($"uniqueName: {Literal.Quoted(api.UniqueName)},")
                .Open("requestParameters: {");
            foreach (var field in api.RequestParameters)
            {
                var optional = field.IsOptional is { } o ? $", isOptional: {(o ? "true" : "false")}" : string.Empty;
                w.Line($"{Identifier.Camel(field.Identifier)}: {{ name: {Literal.Quoted(field.UniqueName)}, type: {Literal.Quoted(field.TypeName)}{optional} }},");
            }

            w.Close("},").Open("responseProperties: {");
            foreach (var field in api.ResponseProperties)
            {
                w.Line($"{Identifier.Camel(field.Identifier)}: {{ name: {Literal.Quoted(field.UniqueName)}, type: {Literal.Quoted(field.TypeName)} }},");
            }

            w.Close("},").Close("} as const;");
        }

        return w.ToString();
    }

    private static string WebResources(CodeModel model)
    {
        var w = Start();
        w.Line("/** The unique names of the solution's web resources (Solution/src/WebResources), keyed by display name. */")
            .Open("export const WebResourceNames = {");
        foreach (var resource in model.WebResources)
        {
            w.Line($"/** {Literal.JsDoc(resource.DisplayName)} */")
                .Line($"{resource.Identifier}: {Literal.Quoted(resource.Name)},");
        }

        w.Close("} as const;")
            .Line()
            .Line("/** The form controls that show a web resource, keyed like WebResourceNames. */")
            .Open("export const WebResourceControls = {");
        foreach (var control in model.WebResourceControls)
        {
            w.Line($"/** On the {control.EntityLogicalName} form \"{Literal.JsDoc(control.FormName)}\". */")
                .Line($"{control.WebResourceIdentifier}: {Literal.Quoted(control.ControlId)},");
        }

        w.Close("} as const;");
        return w.ToString();
    }

    private static CodeWriter Start()
    {
        var w = new CodeWriter();
        foreach (var line in CodeGenerator.HeaderLines)
        {
            w.Line("// " + line);
        }

        return w.Line();
    }
}
