using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using CrmRelationship.Offline.Columns;
using CrmRelationship.Offline.Csv;
using CrmRelationship.Offline.Report;
using CrmRelationship.Offline.Rollup;
using CrmRelationship.Scoring;

namespace CrmRelationship.Offline;

/// <summary>The accounts: read before the contacts, scored after them from the rollup records, then ranked for the report.</summary>
internal sealed partial class ScoringRun
{
    private void ReadAccounts(CsvReader reader, AccountRowReader rows, string file)
    {
        readingFile = file;
        var row = new CsvRow();
        var lookup = accountsById.GetAlternateLookup<ReadOnlySpan<char>>();
        while (reader.Read(row))
        {
            accountRows++;
            problems.Clear();
            var syntax = ValueReader.Syntax(row, rows.Layout);
            if (syntax is not null)
            {
                problems.Add(syntax);
                Reject(file, row, rows.AccountId);
                continue;
            }

            var id = row[rows.AccountId].Trim();
            if (id.IsEmpty)
            {
                problems.Add(ColumnNames.AccountId + " is empty; every account needs its id");
            }

            var inputs = rows.Read(row, problems);
            RejectCaptureDateInTheFuture(LogicalNames.AccountInputs.CustomerViewDate, Labels.AccountFields.CustomerViewDate, inputs.CustomerViewDate);
            if (!id.IsEmpty && lookup.TryGetValue(id, out var first))
            {
                problems.Add(ColumnNames.AccountId + " " + ValueReader.Quote(id) + " is already used on line "
                    + first.Line.ToString(CultureInfo.InvariantCulture) + "; the first row with this id is kept");
            }

            if (problems.Count > 0)
            {
                Reject(file, row, rows.AccountId);
                continue;
            }

            var bucket = new AccountBucket(id.ToString(), row[rows.Name].Trim().ToString(), row.ToArray(), inputs, row.Line);
            accountsById.Add(bucket.Id, bucket);
            accounts.Add(bucket);
        }
    }

    private List<(AccountSummary Summary, AccountBucket Bucket)> ScoreAccounts(CsvWriter writer, OutputPlan plan)
    {
        var ranked = new List<(AccountSummary, AccountBucket)>(accounts.Count);
        var columns = plan.Columns;
        var computed = ComputedColumns.Account;
        var values = new CsvScoreValues(writer);
        foreach (var bucket in accounts)
        {
            var contacts = new AccountContact[bucket.Contacts.Count];
            for (var i = 0; i < contacts.Length; i++)
            {
                contacts[i] = bucket.Contacts[i].ToAccountContact(arena);
            }

            var score = scorer.ScoreAccount(bucket.Inputs, contacts, now);
            for (var i = 0; i < columns.Length; i++)
            {
                var column = columns[i];
                if (column >= 0)
                {
                    writer.Write(bucket.Fields[column]);
                }
                else
                {
                    computed[~column].Column.Write(score, values);
                }
            }

            writer.EndRecord();
            ranked.Add((new AccountSummary(bucket.Id, bucket.Name, score, KeyContactName(contacts, score.KeyContactId), contacts.Length)
            {
                Engagement = activitiesInput is null ? null : bucket.Engagement,
            }, bucket));
        }

        ranked.Sort((a, b) => AccountRanking.Compare(a.Item1, b.Item1));
        return ranked;
    }

    private void WriteReport(Stream stream, ScoreResult result, List<(AccountSummary Summary, AccountBucket Bucket)> ranked)
    {
        var maps = new List<StakeholderMap>();
        foreach (var (summary, bucket) in ranked)
        {
            if (maps.Count == options.MaxMappedAccounts)
            {
                break;
            }

            if (bucket.Contacts.Count > 0)
            {
                maps.Add(StakeholderMap.Build(summary, bucket.Contacts, arena));
            }
        }

        var mappable = 0;
        foreach (var (_, bucket) in ranked)
        {
            if (bucket.Contacts.Count > 0)
            {
                mappable++;
            }
        }

        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        HtmlReport.Write(writer, result, maps, mappable);
    }

    private static string? KeyContactName(AccountContact[] contacts, string? keyId)
    {
        if (keyId is null)
        {
            return null;
        }

        foreach (var contact in contacts)
        {
            if (string.Equals(contact.Id, keyId, StringComparison.Ordinal))
            {
                return string.IsNullOrEmpty(contact.Name) ? contact.Id : contact.Name;
            }
        }

        return keyId;
    }

    private static string[] DerivedFields(ReadOnlySpan<char> accountId)
    {
        var fields = new string[ColumnNames.DerivedAccountColumns.Length];
        Array.Fill(fields, string.Empty);
        fields[0] = accountId.ToString();
        return fields;
    }
}
