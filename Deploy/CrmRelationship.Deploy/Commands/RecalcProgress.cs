using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Recalc;
using Spectre.Console;
using Spectre.Console.Rendering;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Deploy.Commands;

/// <summary>
/// recalc's progress bar on an interactive console: per table, records written of those found changed so far, the
/// rate and the time left (known once the table is read to the end).
/// </summary>
internal sealed class RecalcProgress : IRecalcProgress
{
    private readonly ConcurrentDictionary<string, ProgressTask> tasks = new(StringComparer.Ordinal);
    private readonly ProgressContext context;

    private RecalcProgress(ProgressContext context) => this.context = context;

    public static Task<RecalcResult> RunAsync(IAnsiConsole console, Func<IRecalcProgress, Task<RecalcResult>> run) =>
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new CountColumn(), new RateColumn(), new RemainingTimeColumn())
            .StartAsync(context => run(new RecalcProgress(context)));

    public void Read(string table, long read, long changed, bool complete)
    {
        var task = Task(table);
        task.Description = Label(table) + ": read " + N(read) + (complete ? string.Empty : "…") + ", changed " + N(changed);
        task.MaxValue = Math.Max(1, changed);
        task.IsIndeterminate = false;
    }

    public void Written(string table, long written)
    {
        var task = Task(table);
        task.Value = Math.Min(written, task.MaxValue);
    }

    private ProgressTask Task(string table) =>
        tasks.GetOrAdd(table, t => context.AddTask(Label(t), maxValue: 1));

    private static string Label(string table) => table == Names.Contact ? "Contacts" : "Accounts";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"written / changed".</summary>
    private sealed class CountColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(N((long)task.Value) + "/" + N((long)task.MaxValue));
    }

    /// <summary>Records written per second.</summary>
    private sealed class RateColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text((task.Speed is { } speed ? speed.ToString("N0", CultureInfo.InvariantCulture) : "-") + "/s");
    }
}
