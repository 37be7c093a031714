using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace CrmRelationship.Solution.Tests.Packing;

/// <summary>Reads the compression method of each entry from a zip's central directory (System.IO.Compression does not expose it).</summary>
internal static class ZipCentralDirectory
{
    private const uint EndOfCentralDirectory = 0x06054b50;
    private const uint CentralDirectoryHeader = 0x02014b50;

    public static IReadOnlyList<ushort> CompressionMethods(byte[] zip)
    {
        var end = zip.Length - 22;
        while (end >= 0 && BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end)) != EndOfCentralDirectory)
        {
            end--;
        }

        if (end < 0)
        {
            throw new InvalidOperationException("No end-of-central-directory record.");
        }

        var count = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(end + 10));
        var offset = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end + 16));
        var methods = new List<ushort>();
        for (var i = 0; i < count; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(offset)) != CentralDirectoryHeader)
            {
                throw new InvalidOperationException("Bad central directory header.");
            }

            methods.Add(BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(offset + 10)));
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(offset + 28));
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(offset + 30));
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(offset + 32));
            offset += 46 + nameLength + extraLength + commentLength;
        }

        return methods;
    }
}
