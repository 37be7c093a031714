namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.OrganizationRequest</c>, written from the documented
/// signature. A message sent through <see cref="IOrganizationService.Execute"/>; the indexer reads and
/// writes <see cref="Parameters"/>.
/// </summary>
public class OrganizationRequest
{
    public OrganizationRequest()
    {
        Parameters = new ParameterCollection();
    }

    public OrganizationRequest(string requestName)
        : this()
    {
        RequestName = requestName;
    }

    public string RequestName { get; set; }

    public ParameterCollection Parameters { get; set; }

    public object this[string parameterName]
    {
        get => Parameters[parameterName];
        set => Parameters[parameterName] = value;
    }
}
