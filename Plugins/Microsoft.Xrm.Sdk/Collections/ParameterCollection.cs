using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.ParameterCollection</c>, written from the documented
/// signature. Holds request parameters, response results and the context's input, output and
/// shared variables (not sealed in 9.x).
/// </summary>
public class ParameterCollection : DataCollection<string, object>
{
    public ParameterCollection()
    {
    }

    protected ParameterCollection(IDictionary<string, object> collection)
        : base(collection)
    {
    }

    /// <summary>Returns false when the key is missing or its value is not a <typeparamref name="T"/>.</summary>
    public bool TryGetValue<T>(string key, out T value)
    {
        // base. is required: unqualified, C# binds to this generic method itself (a derived-class
        // method hides the base overloads), which is also what plug-in code calling
        // parameters.TryGetValue(key, out object value) compiles to.
        if (base.TryGetValue(key, out object found) && found is T typed)
        {
            value = typed;
            return true;
        }

        value = default;
        return false;
    }
}
