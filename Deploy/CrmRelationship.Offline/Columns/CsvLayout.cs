using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CrmRelationship.Offline.Csv;

namespace CrmRelationship.Offline.Columns;

/// <summary>
/// The header of an input file: which position holds which logical name. Names match after trimming,
/// ignoring case; a required name that is missing, or a known or computed name given twice, stops the
/// run, because no row of such a file can be read (or recomputed) correctly. A missing name that is in
/// the header with an invisible character is shown with that character's code.
/// </summary>
internal sealed class CsvLayout
{
    private readonly Dictionary<string, int> positions;

    private CsvLayout(string[] header, Dictionary<string, int> positions)
    {
        Header = header;
        this.positions = positions;
    }

    /// <summary>The header values exactly as written.</summary>
    public string[] Header { get; }

    public int Count => Header.Length;

    /// <summary>Position of a column, or -1 when the file does not have it.</summary>
    public int IndexOf(string logicalName) => positions.TryGetValue(logicalName, out var index) ? index : -1;

    /// <param name="header">The first record of the file.</param>
    /// <param name="required">Columns the file must have.</param>
    /// <param name="known">Further columns the scorer reads when present.</param>
    /// <param name="computed">Columns the scorer writes, recomputed in place when the file has them.</param>
    /// <param name="file">The file's name, for messages.</param>
    /// <param name="what">"contacts" or "accounts", for messages.</param>
    public static CsvLayout Bind(CsvRow header, IReadOnlyList<string> required, IReadOnlyList<string> known, IReadOnlyList<string> computed, string file, string what)
    {
        ArgumentNullException.ThrowIfNull(header);
        var values = header.ToArray();
        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var wanted = new HashSet<string>(required, StringComparer.OrdinalIgnoreCase);
        wanted.UnionWith(known);
        wanted.UnionWith(computed);
        for (var i = 0; i < values.Length; i++)
        {
            var name = values[i].Trim();
            if (!wanted.Contains(name))
            {
                continue;
            }

            if (!positions.TryAdd(name, i))
            {
                throw new ScoreInputException(
                    "The " + what + " file " + file + " has the column " + name + " twice (columns " + (positions[name] + 1) + " and " + (i + 1)
                    + "); remove one of them and run again.");
            }
        }

        var missing = new List<string>();
        foreach (var name in required)
        {
            if (!positions.ContainsKey(name))
            {
                missing.Add(name);
            }
        }

        if (missing.Count > 0)
        {
            throw new ScoreInputException(
                "The " + what + " file " + file + " has no " + string.Join(", ", missing) + " column" + (missing.Count == 1 ? string.Empty : "s")
                + " in its header row" + InvisibleHints(values, missing) + "; export the " + what + " with " + (missing.Count == 1 ? "that column" : "those columns")
                + ", headed by " + (missing.Count == 1 ? "its logical name" : "their logical names") + ", and run again.");
        }

        return new CsvLayout(values, positions);
    }

    /// <summary>" (column 8 is "rel_perception&lt;U+200B&gt;" …)" for each missing name that the header has but for invisible characters.</summary>
    private static string InvisibleHints(string[] values, List<string> missing)
    {
        var hints = new List<string>();
        for (var i = 0; i < values.Length; i++)
        {
            var visible = new StringBuilder(values[i].Length);
            foreach (var c in values[i])
            {
                if (!ValueReader.IsInvisible(c))
                {
                    visible.Append(c);
                }
            }

            if (visible.Length != values[i].Length && missing.Contains(visible.ToString().Trim(), StringComparer.OrdinalIgnoreCase))
            {
                hints.Add("column " + (i + 1).ToString(CultureInfo.InvariantCulture) + " is " + ValueReader.Quote(values[i].Trim()));
            }
        }

        return hints.Count == 0 ? string.Empty : " (" + string.Join("; ", hints) + ")";
    }
}

/// <summary>
/// How an output row is laid out: every input column in its place, then the computed columns. A
/// computed column the input already has (a re-export of a scored book) is recomputed in its place
/// instead of being added twice; one marked <see cref="ComputedColumn{TScore}.OnlyInPlace"/> is never added.
/// </summary>
internal sealed class OutputPlan
{
    private OutputPlan(int[] columns, string[] header, string[] replaced)
    {
        Columns = columns;
        Header = header;
        Replaced = replaced;
    }

    /// <summary>Per output column: the input value's index (0 or more), or ~computedIndex (negative).</summary>
    public int[] Columns { get; }

    public string[] Header { get; }

    /// <summary>Computed columns the input already had.</summary>
    public string[] Replaced { get; }

    /// <param name="inputHeader">The input file's header.</param>
    /// <param name="computed">The score's computed columns.</param>
    /// <param name="extra">Further computed columns, numbered after <paramref name="computed"/> (~(computed.Count + i)): the
    /// contact's touchpoint columns when activities are scored.</param>
    public static OutputPlan Create<TScore>(IReadOnlyList<string> inputHeader, IReadOnlyList<ComputedColumn<TScore>> computed, IReadOnlyList<string>? extra = null)
    {
        extra ??= Array.Empty<string>();
        var columns = new List<int>(inputHeader.Count + computed.Count + extra.Count);
        var header = new List<string>(inputHeader.Count + computed.Count + extra.Count);
        var placed = new bool[computed.Count + extra.Count];
        var replaced = new List<string>();
        for (var i = 0; i < inputHeader.Count; i++)
        {
            var name = inputHeader[i].Trim();
            var c = IndexOf(computed, name);
            if (c < 0)
            {
                c = IndexOfExtra(extra, name);
                c = c < 0 ? c : computed.Count + c;
            }

            if (c >= 0 && !placed[c])
            {
                placed[c] = true;
                columns.Add(~c);
                replaced.Add(c < computed.Count ? computed[c].Name : extra[c - computed.Count]);
            }
            else
            {
                columns.Add(i);
            }

            header.Add(inputHeader[i]);
        }

        for (var c = 0; c < computed.Count; c++)
        {
            if (!placed[c] && !computed[c].OnlyInPlace)
            {
                columns.Add(~c);
                header.Add(computed[c].Name);
            }
        }

        for (var e = 0; e < extra.Count; e++)
        {
            if (!placed[computed.Count + e])
            {
                columns.Add(~(computed.Count + e));
                header.Add(extra[e]);
            }
        }

        return new OutputPlan(columns.ToArray(), header.ToArray(), replaced.ToArray());
    }

    private static int IndexOfExtra(IReadOnlyList<string> extra, string name)
    {
        for (var e = 0; e < extra.Count; e++)
        {
            if (string.Equals(extra[e], name, StringComparison.OrdinalIgnoreCase))
            {
                return e;
            }
        }

        return -1;
    }

    private static int IndexOf<TScore>(IReadOnlyList<ComputedColumn<TScore>> computed, string name)
    {
        for (var c = 0; c < computed.Count; c++)
        {
            if (string.Equals(computed[c].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return c;
            }
        }

        return -1;
    }
}
