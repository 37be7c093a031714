using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using CrmRelationship.Packaging;

namespace CrmRelationship.Solution.Tests.Packing;

/// <summary>The result of one pack with each written zip read back into memory.</summary>
internal sealed class PackedSolution(PackResult result)
{
    private readonly Dictionary<PackageType, PackedZipContent> zips =
        result.Zips.ToDictionary(z => z.Type, z => PackedZipContent.Read(z.Path));

    public PackResult Result { get; } = result;

    public PackedZipContent this[PackageType type] => zips[type];

    public IEnumerable<PackedZipContent> Zips => zips.Values;
}

/// <summary>The entries of one zip: names in stored order, raw zip metadata and content.</summary>
internal sealed class PackedZipContent
{
    private PackedZipContent(string path, byte[] bytes, IReadOnlyList<ZipEntryFacts> entries)
    {
        Path = path;
        Bytes = bytes;
        Entries = entries;
    }

    public string Path { get; }

    public byte[] Bytes { get; }

    public IReadOnlyList<ZipEntryFacts> Entries { get; }

    public IReadOnlyList<string> Names => Entries.Select(e => e.Name).ToList();

    public byte[] Content(string name) => Entries.Single(e => e.Name == name).Content;

    public string Text(string name) => Encoding.UTF8.GetString(Content(name));

    public XElement Xml(string name)
    {
        using var stream = new MemoryStream(Content(name));
        return XDocument.Load(stream).Root!;
    }

    public static PackedZipContent Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var entries = zip.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return new ZipEntryFacts(e.FullName, e.LastWriteTime, e.CompressedLength, copy.ToArray());
        }).ToList();
        return new PackedZipContent(path, bytes, entries);
    }
}

internal sealed record ZipEntryFacts(string Name, DateTimeOffset LastWriteTime, long CompressedLength, byte[] Content);
