using System;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.Entity</c>, written from the documented signature.
/// A row: logical name, id and column values. Plug-ins read it from Target and images and write it
/// through <see cref="IOrganizationService"/>.
/// </summary>
public class Entity
{
    private AttributeCollection attributes;
    private FormattedValueCollection formattedValues;

    public Entity()
    {
    }

    public Entity(string entityName)
    {
        LogicalName = entityName;
    }

    public Entity(string entityName, Guid id)
    {
        LogicalName = entityName;
        Id = id;
    }

    public string LogicalName { get; set; }

    public virtual Guid Id { get; set; }

    public AttributeCollection Attributes
    {
        get => attributes ??= new AttributeCollection();
        set => attributes = value;
    }

    public FormattedValueCollection FormattedValues
    {
        get => formattedValues ??= new FormattedValueCollection();
        internal set => formattedValues = value;
    }

    /// <summary>Reads or writes <see cref="Attributes"/>; reading a missing column throws KeyNotFoundException.</summary>
    public object this[string attributeName]
    {
        get => Attributes[attributeName];
        set => Attributes[attributeName] = value;
    }

    public bool Contains(string attributeName) => Attributes.Contains(attributeName);

    public EntityReference ToEntityReference() => new(LogicalName, Id);

    /// <summary>
    /// Missing column or null value: default(T). Otherwise the value cast to T, so a value of another
    /// type throws <see cref="InvalidCastException"/>. A null or blank name throws <see cref="ArgumentNullException"/>.
    /// </summary>
    public virtual T GetAttributeValue<T>(string attributeLogicalName)
    {
        if (string.IsNullOrWhiteSpace(attributeLogicalName))
        {
            throw new ArgumentNullException(nameof(attributeLogicalName));
        }

        if (!Attributes.TryGetValue(attributeLogicalName, out object value) || value == null)
        {
            return default;
        }

        return (T)value;
    }

    /// <summary>True when the column is present and its value is a <typeparamref name="T"/>.</summary>
    public bool TryGetAttributeValue<T>(string attributeKey, out T result)
    {
        if (Attributes.TryGetValue(attributeKey, out object value) && value is T typed)
        {
            result = typed;
            return true;
        }

        result = default;
        return false;
    }
}
