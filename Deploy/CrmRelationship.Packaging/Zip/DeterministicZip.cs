using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;

namespace CrmRelationship.Packaging.Zip;

/// <summary>
/// Writes a zip whose bytes depend only on its entries: the given order, one fixed timestamp, Deflate,
/// forward-slash names, no directory entries. Packing the same inputs twice on the same machine gives
/// identical files, so a zip's hash identifies what it holds.
/// </summary>
public static class DeterministicZip
{
    /// <summary>1980-01-01 00:00, the first time a zip (DOS) timestamp can hold.</summary>
    public static readonly DateTimeOffset Timestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Create(IEnumerable<KeyValuePair<string, byte[]>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                if (name.Length == 0 || name.EndsWith('/') || name.Contains('\\', StringComparison.Ordinal) || name.StartsWith('/'))
                {
                    throw new ArgumentException($"'{name}' is not a file entry name with forward slashes.", nameof(entries));
                }

                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = Timestamp;
                using var output = entry.Open();
                output.Write(content);
            }
        }

        return stream.ToArray();
    }
}
