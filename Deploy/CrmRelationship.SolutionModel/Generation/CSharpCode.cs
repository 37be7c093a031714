using System.Collections.Generic;

namespace CrmRelationship.SolutionModel.Generation;

/// <summary>
/// The C# files of the Scoring library (netstandard2.0, compiled into the net462 plug-in too): plain enums, strings
/// and ints, no SDK type. Labels.g.cs fills in the partial <c>Labels</c> class, whose hand-written half holds the
/// lookups (OptionTable and Option), and gives each table's column display labels (<c>Labels.ContactFields</c>).
/// </summary>
internal static class CSharpCode
{
    public const string Namespace = "CrmRelationship.Scoring";

    public static IEnumerable<(string Name, string Content)> Files(CodeModel model)
    {
        yield return ("Choices.g.cs", Choices(model));
        yield return ("Labels.g.cs", Labels(model));
        yield return ("Columns.g.cs", Columns(model));
        yield return ("CustomApis.g.cs", CustomApis(model));
    }

    private static string Choices(CodeModel model)
    {
        var w = Start();
        w.Line("/// <summary>")
            .Line($"/// The first option value of the publisher's choices: its option value prefix ({Literal.Number(model.Publisher.CustomizationOptionValuePrefix)},")
            .Line("/// Solution/src/Other/Solution.xml) × 10,000. Option n of each choice of this solution is Base + n.")
            .Line("/// </summary>")
            .Block("public static class OptionValues")
            .Line($"public const int Base = {Literal.Number(model.OptionValueBase)};")
            .Close("}");
        foreach (var choice in model.Choices)
        {
            var kind = choice.MultiSelect ? ", multi-select" : string.Empty;
            w.Line()
                .Line($"/// <summary>{Literal.XmlDoc(choice.Description)} (<c>{choice.LogicalName}</c>{kind})</summary>")
                .Block($"public enum {choice.TypeName}");
            foreach (var option in choice.Options)
            {
                w.Line($"{option.Identifier} = {Literal.Number(option.Value)},");
            }

            w.Close("}");
        }

        return w.ToString();
    }

    private static string Labels(CodeModel model)
    {
        var w = Start();
        w.Block("public static partial class Labels");
        foreach (var choice in model.Choices)
        {
            w.Line($"private static readonly OptionTable {choice.TypeName}Options = new(").Indent();
            for (var i = 0; i < choice.Options.Count; i++)
            {
                var option = choice.Options[i];
                var end = i == choice.Options.Count - 1 ? ");" : ",";
                w.Line($"new Option((int){choice.TypeName}.{option.Identifier}, {Literal.Quoted(option.Label)}){end}");
            }

            w.Outdent().Line();
        }

        foreach (var choice in model.Choices)
        {
            w.Line($"/// <summary>The label of an option of <c>{choice.LogicalName}</c>.</summary>")
                .Line($"public static string Of({choice.TypeName} value) => {choice.TypeName}Options.Label((int)value);")
                .Line();
        }

        w.Block("private static OptionTable? TableOf(global::System.Type choice)");
        foreach (var choice in model.Choices)
        {
            w.Block($"if (choice == typeof({choice.TypeName}))");
            w.Line($"return {choice.TypeName}Options;").Close("}").Line();
        }

        w.Line("return null;").Close("}");
        foreach (var table in model.Tables)
        {
            w.Line()
                .Line($"/// <summary>The display labels of the solution's columns on {table.LogicalName} ({table.SourcePath}), for messages that name an input.</summary>")
                .Block($"public static class {table.Identifier}Fields");
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var column = table.Columns[i];
                if (i > 0)
                {
                    w.Line();
                }

                w.Line($"/// <summary><c>{column.LogicalName}</c></summary>")
                    .Line($"public const string {column.Identifier} = {Literal.Quoted(column.DisplayName)};");
            }

            w.Close("}");
        }

        w.Close("}");
        return w.ToString();
    }

    private static string Columns(CodeModel model)
    {
        var w = Start();
        var first = true;
        foreach (var table in model.Tables)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            w.Line($"/// <summary>The logical names of the solution's columns on {table.LogicalName} ({table.SourcePath}).</summary>")
                .Block($"public static class {table.Identifier}Fields");
            w.Line($"public const string EntityLogicalName = {Literal.Quoted(table.LogicalName)};");
            foreach (var column in table.Columns)
            {
                w.Line()
                    .Line($"/// <summary>{Literal.XmlDoc(column.DisplayName)}</summary>")
                    .Line($"public const string {column.Identifier} = {Literal.Quoted(column.LogicalName)};");
            }

            w.Close("}");
        }

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
            w.Line("/// <summary>")
                .Line($"/// The Custom API {api.UniqueName} (Solution/src/{api.Folder}): {Literal.XmlDoc(api.Description)}")
                .Line("/// </summary>")
                .Block($"public static class {api.Identifier}Api");
            w.Line($"public const string MessageName = {Literal.Quoted(api.UniqueName)};");
            Fields(w, "RequestParameters", "request parameters", api.RequestParameters);
            Fields(w, "ResponseProperties", "response properties", api.ResponseProperties);
            w.Close("}");
        }

        return w.ToString();
    }

    private static void Fields(CodeWriter w, string className, string what, IReadOnlyList<FieldModel> fields)
    {
        w.Line()
            .Line($"/// <summary>The names of the {what}.</summary>")
            .Block($"public static class {className}");
        foreach (var field in fields)
        {
            var optional = field.IsOptional == true ? ", optional" : string.Empty;
            var description = string.IsNullOrWhiteSpace(field.Description) ? "." : ": " + Literal.XmlDoc(field.Description);
            w.Line($"/// <summary>{field.TypeName}{optional}{description}</summary>")
                .Line($"public const string {field.Identifier} = {Literal.Quoted(field.UniqueName)};");
        }

        w.Close("}");
    }

    private static CodeWriter Start()
    {
        var w = new CodeWriter();
        foreach (var line in CodeGenerator.HeaderLines)
        {
            w.Line("// " + line);
        }

        return w.Line("#nullable enable").Line().Line($"namespace {Namespace};").Line();
    }
}
