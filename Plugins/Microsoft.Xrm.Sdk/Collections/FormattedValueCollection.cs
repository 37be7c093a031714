namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.FormattedValueCollection</c>, written from the
/// documented signature. Holds the display text of an <see cref="Entity"/>'s values.
/// </summary>
public sealed class FormattedValueCollection : DataCollection<string, string>
{
    public FormattedValueCollection()
    {
    }
}
