namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.OptionSetValue</c>, written from the documented
/// signature. The value of a choice column; equal when <see cref="Value"/> is equal.
/// </summary>
public sealed class OptionSetValue
{
    public OptionSetValue()
    {
    }

    public OptionSetValue(int value)
    {
        Value = value;
    }

    public int Value { get; set; }

    public override bool Equals(object obj) => obj is OptionSetValue other && Value == other.Value;

    public override int GetHashCode() => Value.GetHashCode();
}
