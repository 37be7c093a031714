namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.OrganizationResponse</c>, written from the documented
/// signature. The reply to an <see cref="OrganizationRequest"/>; the indexer reads and writes
/// <see cref="Results"/>.
/// </summary>
public class OrganizationResponse
{
    public OrganizationResponse()
    {
        Results = new ParameterCollection();
    }

    public string ResponseName { get; set; }

    public ParameterCollection Results { get; set; }

    public object this[string parameterName]
    {
        get => Results[parameterName];
        set => Results[parameterName] = value;
    }
}
