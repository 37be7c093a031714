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
    private readonly PEReader _pe;

    public MetadataFile(string path)
    {
        _pe = new PEReader(File.OpenRead(path));
        Reader = _pe.GetMetadataReader();
    }

    public MetadataReader Reader { get; }

    public CorFlags CorFlags => _pe.PEHeaders.CorHeader!.Flags;

    public void Dispose() => _pe.Dispose();
}
