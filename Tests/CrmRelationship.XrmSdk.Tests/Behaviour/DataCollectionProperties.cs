using System.Collections.Generic;
using System.Linq;
using FsCheck.NUnit;
using Microsoft.Xrm.Sdk;

namespace CrmRelationship.XrmSdk.Tests.Behaviour;

/// <summary>For any sequence of writes and removals, the keyed collection holds what a Dictionary would.</summary>
public sealed class DataCollectionProperties
{
    [Property]
    public bool WritesAndRemovals_MatchADictionary(List<(bool Remove, byte Key, int Value)> operations)
    {
        var collection = new AttributeCollection();
        var model = new Dictionary<string, object>();
        foreach (var (remove, key, value) in operations)
        {
            var name = "k" + (key % 16);
            if (remove)
            {
                if (collection.Remove(name) != model.Remove(name))
                {
                    return false;
                }
            }
            else
            {
                collection[name] = value;
                model[name] = value;
            }
        }

        return collection.Count == model.Count
            && model.All(p => collection.TryGetValue(p.Key, out var v) && Equals(v, p.Value) && collection.ContainsKey(p.Key))
            && collection.Keys.OrderBy(k => k).SequenceEqual(model.Keys.OrderBy(k => k));
    }

    [Property]
    public bool AddRange_ThenToArray_KeepsOrder(int[] values)
    {
        var options = new OptionSetValueCollection();
        options.AddRange(values.Select(v => new OptionSetValue(v)));
        return options.ToArray().Select(o => o.Value).SequenceEqual(values);
    }
}
