using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace CrmRelationship.Testing;

/// <summary>
/// An <see cref="ITracingService"/> that keeps every line, formatted as the platform formats them
/// (invariant culture; a line without arguments is written as given). The pipeline gives one to each step
/// execution; an adapter test that builds its own service provider (Moq) can use it to read the trace.
/// </summary>
public sealed class RecordingTracingService : ITracingService
{
    private readonly Action<string> sink;

    public RecordingTracingService(Action<string> sink)
    {
        this.sink = sink ?? throw new ArgumentNullException(nameof(sink));
    }

    public void Trace(string format, params object[] args) =>
        sink(args is null || args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args));
}
