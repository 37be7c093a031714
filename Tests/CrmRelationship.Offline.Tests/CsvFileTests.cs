using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CrmRelationship.Offline.Csv;
using NUnit.Framework;

namespace CrmRelationship.Offline.Tests;

/// <summary>
/// The CSV layer on its own (CsvHelper behind the scorer's reader and writer): RFC 4180 quoting, byte
/// order mark and line ends, physical line numbers, the quoting errors a row is rejected for, text
/// that is not UTF-8, and quoting on output.
/// </summary>
[TestFixture]
public sealed class CsvFileTests
{
    [Test]
    public void Reader_ReportsThePhysicalLineOfEachRecord()
    {
        const string text = "h1,h2\r\n\"a\r\nb\",c\n\nd,\"e\"\"\"\rf,g";
        using var reader = new CsvReader(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var row = new CsvRow();
        var seen = new List<string>();

        while (reader.Read(row))
        {
            seen.Add(row.Line + ":" + string.Join("|", Enumerable.Range(0, row.Count).Select(i => row.GetString(i))));
        }

        Assert.That(seen, Is.EqualTo(new[] { "1:h1|h2", "2:a\r\nb|c", "5:d|e\"", "6:f|g" }));
    }

    [Test]
    public void Reader_QuotedValues_CommasQuotesAndLineBreaksUnescaped()
    {
        var records = Read("a,\"b,c\",\"say \"\"hi\"\"\",\"x\r\ny\",\"\",\"Zoë\"\r\n");

        Assert.That(records, Is.EqualTo(new[] { "1:a|b,c|say \"hi\"|x\r\ny||Zoë|None" }));
    }

    [TestCase(true, "\r\n")]
    [TestCase(false, "\r\n")]
    [TestCase(true, "\n")]
    [TestCase(false, "\n")]
    [TestCase(true, "\r")]
    [TestCase(false, "\r")]
    public void Reader_ByteOrderMarkAndLineEnds_GiveTheSameRecords(bool bom, string newline)
    {
        var text = string.Join(newline, "id,name", "c1,Zoë Ångström", "c2,\"two" + newline + "lines\"", "c3,x") + newline;

        var records = Read(text, bom);

        Assert.That(records, Is.EqualTo(new[] { "1:id|name|None", "2:c1|Zoë Ångström|None", "3:c2|two" + newline + "lines|None", "5:c3|x|None" }));
    }

    [Test]
    public void Reader_QuotingErrors_EachRowReportedWithItsLine()
    {
        const string text = "h1,h2\n"
            + "ok,1\n"
            + "\"ab\"cd,2\n"
            + "5\" screen,3\n"
            + "\"multi\nline\",4\n"
            + "\"never closed,5\nrest,6\n";

        var records = Read(text);

        Assert.That(records, Is.EqualTo(new[]
        {
            "1:h1|h2|None",
            "2:ok|1|None",
            "3:abcd|2|TextAfterQuote",
            "4:5\" screen|3|None",
            "5:multi\nline|4|None",
            "7:never closed,5\nrest,6\n|UnclosedQuote",
        }));
    }

    [Test]
    public void Reader_ManyRecords_LinesAndErrorsStayWithTheirRecordAcrossBuffers()
    {
        // Several read buffers of records, some spanning two lines, and quoting errors far into the file.
        var text = new StringBuilder("id,note\r\n");
        var expected = new List<string> { "1:2:None" };
        var line = 2;
        for (var i = 1; i <= 20_000; i++)
        {
            var error = i % 4_999 == 0 ? "TextAfterQuote" : "None";
            text.Append('c').Append(i).Append(',');
            text.Append(i % 7 == 0 ? "\"first\r\nsecond\"" : error == "None" ? "plain" : "\"quoted\"tail").Append("\r\n");
            expected.Add(line + ":2:" + error);
            line += i % 7 == 0 ? 2 : 1;
        }

        using var reader = new CsvReader(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())));
        var row = new CsvRow();
        var seen = new List<string>();
        while (reader.Read(row))
        {
            seen.Add(row.Line + ":" + row.Count + ":" + row.Error);
        }

        Assert.That(seen, Is.EqualTo(expected));
    }

    [Test]
    public void Reader_NotUtf8_ThrowsWithThePhysicalLineOfTheByte()
    {
        // The bad byte is on line 4: inside a quoted value that started on line 3.
        var bytes = Encoding.UTF8.GetBytes("id,name\r\nc1,Ann\r\nc2,\"Bo\r\nZo").Concat(new byte[] { 0xEB }).Concat(Encoding.UTF8.GetBytes("\"\r\nc3,Cai\r\n")).ToArray();
        using var reader = new CsvReader(new MemoryStream(bytes));
        var row = new CsvRow();

        var error = Assert.Throws<CsvEncodingException>(() =>
        {
            while (reader.Read(row))
            {
            }
        });

        Assert.That(error!.Line, Is.EqualTo(4));
    }

    [TestCase("UTF-8", "\r\n")]
    [TestCase("UTF-8", "\n")]
    [TestCase("UTF-8", "\r")]
    [TestCase("UTF-16", "\r\n")]
    public void Reader_ValuesLongerThanADataverseTextColumn_RowRejectedWithItsLineAndReadingGoesOn(string encodingName, string newline)
    {
        // Dataverse's largest text column holds 1,048,576 characters. c3's value (20 million characters over
        // four lines) and c6 (17 values of a million) are longer than any record the reader holds; c5's quote
        // is never closed and takes in the 17 MB after it. Each is followed to its end without being held,
        // and reading goes on after c3 and c6.
        var longLines = string.Join(newline, Enumerable.Repeat(new string('N', 5_000_000), 4));
        var text = new StringBuilder("id,name,note").Append(newline)
            .Append("c1,").Append('M', 1_048_576).Append(",x").Append(newline)
            .Append("c2,").Append('M', 1_048_577).Append(",x").Append(newline)
            .Append("c3,\"").Append(longLines).Append("\",x").Append(newline)
            .Append("c4,Zoë,\"a \"\"b\"\"\"").Append(newline)
            .Append("c6");
        for (var i = 0; i < 17; i++)
        {
            text.Append(',').Append('R', 1_000_000);
        }

        text.Append(newline).Append("c5,\"never closed,x").Append(newline);
        for (var i = 0; i < 1_100_000; i++)
        {
            text.Append("c9,sixteen chars").Append(newline);
        }

        var encoding = encodingName == "UTF-8" ? (Encoding)new UTF8Encoding(false) : new UnicodeEncoding(false, true);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text.ToString())).ToArray();
        using var reader = new CsvReader(new MemoryStream(bytes));
        var row = new CsvRow();
        var seen = new List<string>();

        while (reader.Read(row))
        {
            seen.Add(row.Error switch
            {
                CsvRowError.None => row.Line + ":None:" + string.Join("|", Enumerable.Range(0, row.Count).Select(i => row[i].Length > 100 ? "long" : row.GetString(i)).Where(v => v != "x" && v != "long")),
                CsvRowError.ValueTooLong => row.Line + ":ValueTooLong:" + row.ErrorValue + ":" + row.ErrorSize + ":" + row.GetString(0),
                CsvRowError.UnclosedQuote => row.Line + ":UnclosedQuote:" + row.QuoteLine + ":" + row.SwallowedLines + ":" + row.GetString(0),
                CsvRowError.RowTooLong => row.Line + ":RowTooLong:" + row.ErrorSize + ":" + row.GetString(0),
                _ => row.Line + ":" + row.Error,
            });
        }

        Assert.That(seen, Is.EqualTo(new[]
        {
            "1:None:id|name|note", "2:None:c1", "3:ValueTooLong:1:1048577:c2", "4:ValueTooLong:1:" + (20_000_000 + (3 * newline.Length)) + ":c3",
            "8:None:c4|Zoë|a \"b\"", "9:RowTooLong:17000019:c6", "10:UnclosedQuote:10:1100000:c5",
        }));
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
            writer.WriteDate(new DateTime(2026, 1, 31, 13, 5, 0));
            writer.EndRecord();
        }

        var text = Encoding.UTF8.GetString(stream.ToArray());

        Assert.That(text, Is.EqualTo("\uFEFFplain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,-4,2026-01-31\r\n"));
    }

    [Test]
    public void Writer_ValueCarriedThroughFromTheReader_WrittenUnchanged()
    {
        const string input = "\"Lee, Ann \"\"Annie\"\"\r\nsecond\",Zoë,=1+1, lead space ,\r\n";
        using var reader = new CsvReader(new MemoryStream(Encoding.UTF8.GetBytes(input)));
        var row = new CsvRow();
        using var stream = new MemoryStream();

        using (var writer = new CsvWriter(stream))
        {
            reader.Read(row);
            for (var i = 0; i < row.Count; i++)
            {
                writer.Write(row, i);
            }

            writer.EndRecord();
        }

        Assert.That(Encoding.UTF8.GetString(stream.ToArray()), Is.EqualTo("\uFEFF" + input));
    }

    /// <summary>Each record as "line:value|value|…|error".</summary>
    private static List<string> Read(string text, bool bom = false)
    {
        var bytes = new UTF8Encoding(bom).GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        using var reader = new CsvReader(new MemoryStream(bytes));
        var row = new CsvRow();
        var records = new List<string>();
        while (reader.Read(row))
        {
            records.Add(row.Line + ":" + string.Join("|", row.ToArray()) + "|" + row.Error);
        }

        return records;
    }
}
