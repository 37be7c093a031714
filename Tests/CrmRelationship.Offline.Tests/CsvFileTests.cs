using System.Linq;
using System.IO;
using System.Text;
using CrmRelationship.Offline.Csv;
using NUnit.Framework;

namespace CrmRelationship.Offline.Tests;

/// <summary>The CSV layer on its own: physical line numbers of records, and quoting on output.</summary>
[TestFixture]
public sealed class CsvFileTests
{
    [Test]
    public void Reader_ReportsThePhysicalLineOfEachRecord()
    {
        const string text = "h1,h2\r\n\"a\r\nb\",c\n\nd,\"e\"\"\"\rf,g";
        using var reader = new CsvReader(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var row = new CsvRow();
        var seen = new System.Collections.Generic.List<string>();

        while (reader.Read(row))
        {
            seen.Add(row.Line + ":" + string.Join("|", Enumerable.Range(0, row.Count).Select(i => row.GetString(i))));
        }

        Assert.That(seen, Is.EqualTo(new[] { "1:h1|h2", "2:a\r\nb|c", "5:d|e\"", "6:f|g" }));
    }

    [Test]
    public void Writer_QuotesOnlyWhatNeedsQuoting()
    {
        using var stream = new MemoryStream();
        using (var writer = new CsvWriter(stream))
        {
            writer.Write("plain");
            writer.Write("a,b");
            writer.Write("say \"hi\"");
            writer.Write("two\nlines");
            writer.Write((int?)null);
            writer.Write(-4);
            writer.WriteDate(new System.DateTime(2026, 1, 31, 13, 5, 0));
            writer.EndRecord();
        }

        var text = Encoding.UTF8.GetString(stream.ToArray());

        Assert.That(text, Is.EqualTo("\uFEFFplain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,-4,2026-01-31\r\n"));
    }
}
