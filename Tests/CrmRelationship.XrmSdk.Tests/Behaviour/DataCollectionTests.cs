using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace CrmRelationship.XrmSdk.Tests.Behaviour;

/// <summary>The keyed SDK collections behave like a dictionary and refuse changes while read-only.</summary>
[TestFixture]
public sealed class DataCollectionTests
{
    [Test]
    public void AddAndLookups_BehaveLikeADictionary()
    {
        // Arrange
        var collection = new AttributeCollection();

        // Act
        collection.Add("a", 1);
        collection.Add(new KeyValuePair<string, object>("b", 2));
        collection.AddRange(new KeyValuePair<string, object>("c", 3), new KeyValuePair<string, object>("d", 4));
        collection.AddRange(new List<KeyValuePair<string, object>> { new("e", 5) });

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(collection, Has.Count.EqualTo(5));
            Assert.That(collection.Count, Is.EqualTo(5));
            Assert.That(collection["c"], Is.EqualTo(3));
            Assert.That(collection.Contains("a"), Is.True);
            Assert.That(collection.Contains(new KeyValuePair<string, object>("b", 2)), Is.True);
            Assert.That(collection.Contains(new KeyValuePair<string, object>("b", 99)), Is.False);
            Assert.That(collection.ContainsKey("e"), Is.True);
            Assert.That(collection.ContainsKey("z"), Is.False);
            Assert.That(collection.Keys, Is.EquivalentTo(new[] { "a", "b", "c", "d", "e" }));
            Assert.That(collection.Values, Is.EquivalentTo(new object[] { 1, 2, 3, 4, 5 }));
            Assert.That(collection.Select(p => p.Key), Is.EquivalentTo(new[] { "a", "b", "c", "d", "e" }));
            Assert.That(collection.IsReadOnly, Is.False);
        });
    }

    [Test]
    public void TryGetValue_ReportsPresence()
    {
        // Arrange
        var collection = new AttributeCollection { { "a", 1 } };

        // Act
        var found = collection.TryGetValue("a", out var value);
        var missing = collection.TryGetValue("z", out var missingValue);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(found, Is.True);
            Assert.That(value, Is.EqualTo(1));
            Assert.That(missing, Is.False);
            Assert.That(missingValue, Is.Null);
        });
    }

    [Test]
    public void IndexerGetOfMissingKey_ThrowsKeyNotFoundException()
    {
        // Arrange
        var collection = new ParameterCollection();

        // Act / Assert
        Assert.That(() => collection["Target"], Throws.TypeOf<KeyNotFoundException>());
    }

    [Test]
    public void IndexerSet_AddsOrReplaces()
    {
        // Arrange
        var collection = new AttributeCollection { { "a", 1 } };

        // Act
        collection["a"] = 2;
        collection["b"] = 3;

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(collection["a"], Is.EqualTo(2));
            Assert.That(collection["b"], Is.EqualTo(3));
        });
    }

    [Test]
    public void AddOfExistingKey_ThrowsArgumentException()
    {
        // Arrange
        var collection = new AttributeCollection { { "a", 1 } };

        // Act / Assert
        Assert.That(() => collection.Add("a", 2), Throws.ArgumentException);
    }

    [Test]
    public void RemoveAndClear_RemoveEntries()
    {
        // Arrange
        var collection = new AttributeCollection { { "a", 1 }, { "b", 2 }, { "c", 3 } };

        // Act
        var removedKey = collection.Remove("a");
        var removedMissing = collection.Remove("z");
        var removedPair = collection.Remove(new KeyValuePair<string, object>("b", 2));
        var countBeforeClear = collection.Count;
        collection.Clear();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(removedKey, Is.True);
            Assert.That(removedMissing, Is.False);
            Assert.That(removedPair, Is.True);
            Assert.That(countBeforeClear, Is.EqualTo(1));
            Assert.That(collection, Is.Empty);
        });
    }

    [Test]
    public void CopyTo_CopiesEveryPair()
    {
        // Arrange
        var collection = new AttributeCollection { { "a", 1 }, { "b", 2 } };
        var target = new KeyValuePair<string, object>[3];

        // Act
        collection.CopyTo(target, 1);

        // Assert
        Assert.That(target.Skip(1).Select(p => p.Key), Is.EquivalentTo(new[] { "a", "b" }));
    }

    [Test]
    public void ReadOnlyCollection_AllowsReads()
    {
        // Arrange
        var collection = new EntityImageCollection { { "PreImage", new Entity("contact") } };
        MakeReadOnly(collection);

        // Act
        var image = collection["PreImage"];

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(collection.IsReadOnly, Is.True);
            Assert.That(image.LogicalName, Is.EqualTo("contact"));
            Assert.That(collection.ContainsKey("PreImage"), Is.True);
        });
    }

    private static IEnumerable<TestCaseData> Mutators()
    {
        yield return new TestCaseData((Action<AttributeCollection>)(c => c.Add("x", 1))).SetArgDisplayNames("Add(key, value)");
        yield return new TestCaseData((Action<AttributeCollection>)(c => c.Add(new KeyValuePair<string, object>("x", 1)))).SetArgDisplayNames("Add(pair)");
        yield return new TestCaseData((Action<AttributeCollection>)(c => c.AddRange(new KeyValuePair<string, object>("x", 1)))).SetArgDisplayNames("AddRange");
        yield return new TestCaseData((Action<AttributeCollection>)(c => c["a"] = 2)).SetArgDisplayNames("indexer set");
        yield return new TestCaseData((Action<AttributeCollection>)(c => c.Remove("a"))).SetArgDisplayNames("Remove(key)");
        yield return new TestCaseData((Action<AttributeCollection>)(c => c.Remove(new KeyValuePair<string, object>("a", 1)))).SetArgDisplayNames("Remove(pair)");
        yield return new TestCaseData((Action<AttributeCollection>)(c => c.Clear())).SetArgDisplayNames("Clear");
    }

    [TestCaseSource(nameof(Mutators))]
    public void ReadOnlyCollectionMutation_ThrowsInvalidOperationException(Action<AttributeCollection> mutate)
    {
        // Arrange
        var collection = new AttributeCollection { { "a", 1 } };
        MakeReadOnly(collection);

        // Act / Assert
        Assert.Multiple(() =>
        {
            Assert.That(() => mutate(collection), Throws.InvalidOperationException.With.Message.EqualTo("The collection is read-only."));
            Assert.That(collection["a"], Is.EqualTo(1));
        });
    }

    [Test]
    public void EntityCollection_IndexesItsEntities()
    {
        // Arrange
        var first = new Entity("contact", Guid.NewGuid());
        var second = new Entity("contact", Guid.NewGuid());

        // Act
        var collection = new EntityCollection(new List<Entity> { first }) { EntityName = "contact", MoreRecords = true, PagingCookie = "cookie", TotalRecordCount = 2 };
        collection.Entities.Add(second);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(collection[0], Is.SameAs(first));
            Assert.That(collection[1], Is.SameAs(second));
            Assert.That(collection.Entities.ToArray(), Is.EqualTo(new[] { first, second }));
            Assert.That(collection.EntityName, Is.EqualTo("contact"));
            Assert.That(collection.MoreRecords, Is.True);
            Assert.That(collection.PagingCookie, Is.EqualTo("cookie"));
            Assert.That(collection.TotalRecordCount, Is.EqualTo(2));
            Assert.That(new EntityCollection().Entities, Is.Empty);
        });
    }

    [Test]
    public void ListCollections_AddRangeAndToArray()
    {
        // Arrange
        var first = new EntityReference("account", Guid.NewGuid());
        var second = new EntityReference("account", Guid.NewGuid());
        var references = new EntityReferenceCollection();
        var options = new OptionSetValueCollection(new List<OptionSetValue> { new(1) });

        // Act
        references.AddRange(first, second);
        options.AddRange(new List<OptionSetValue> { new(2), new(3) });

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(references.ToArray(), Is.EqualTo(new[] { first, second }));
            Assert.That(options.Select(o => o.Value), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(new EntityReferenceCollection(new List<EntityReference> { first }), Has.Count.EqualTo(1));
        });
    }

    /// <summary>The setter is documented as internal; tests reach it by reflection.</summary>
    private static void MakeReadOnly<TKey, TValue>(DataCollection<TKey, TValue> collection) =>
        typeof(DataCollection<TKey, TValue>).GetProperty(nameof(collection.IsReadOnly))!.SetValue(collection, true);
}
