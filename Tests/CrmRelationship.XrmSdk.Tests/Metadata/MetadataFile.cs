using System;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace CrmRelationship.XrmSdk.Tests.Metadata;

/// <summary>
/// An assembly opened for reading its metadata only (never loaded), so the tests can inspect the
/// net462 stand-in and Microsoft's net462 Connector from a net10.0 test run.
/// </summary>
internal sealed class MetadataFile : IDisposable
{
    private readonly PEReader pe;

    public MetadataFile(string path)
    {
        pe = new PEReader(File.OpenRead(path));
        Reader = pe.GetMetadataReader();
    }

    public MetadataReader Reader { get; }

    public CorFlags CorFlags => pe.PEHeaders.CorHeader!.Flags;

    public void Dispose() => pe.Dispose();
}
