namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.IPluginExecutionContext</c>, written from the documented
/// signature. Adds the pipeline stage and the parent context to <see cref="IExecutionContext"/>.
/// </summary>
public interface IPluginExecutionContext : IExecutionContext
{
    int Stage { get; }

    IPluginExecutionContext ParentContext { get; }
}
