using System;
using System.Globalization;
using System.IO;
using CrmRelationship.Offline.Columns;
using CrmRelationship.Offline.Csv;
using CrmRelationship.Offline.Rollup;
using CrmRelationship.Scoring;

namespace CrmRelationship.Offline;

/// <summary>The contacts pass: each row is read, scored and written at once; active contacts are kept as small rollup records.</summary>
internal sealed partial class ScoringRun
{
    private void ScoreContacts(CsvReader reader, ContactRowReader rows, CsvWriter writer, OutputPlan plan, string path, bool deriveAccounts)
    {
        var file = Path.GetFileName(path);
        readingFile = file;
        var row = new CsvRow();
        var parents = accountsById.GetAlternateLookup<ReadOnlySpan<char>>();
        var columns = plan.Columns;
        var computed = ComputedColumns.Contact;
        var values = new CsvScoreValues(writer);
        var today = now.Date;
        var progress = options.Progress;
        var length = progress is null ? 0 : new FileInfo(path).Length;

        while (reader.Read(row))
        {
            contactRows++;
            if (progress is not null && contactRows % ProgressEvery == 0)
            {
                progress(reader.BytesRead, length);
            }

            problems.Clear();
            var syntax = ValueReader.Syntax(row, rows.Layout);
            if (syntax is not null)
            {
                problems.Add(syntax);
                Reject(file, row, rows.ContactId);
                continue;
            }

            var idText = row[rows.ContactId].Trim();
            if (idText.IsEmpty)
            {
                problems.Add(ColumnNames.ContactId + " is empty; every contact needs its id");
            }

            var engagement = activitiesInput is null || idText.IsEmpty ? null : EngagementOf(idText);
            var inputs = rows.Read(row, problems, engagement, out var isActive, out var createdOn);
            RejectCaptureDateInTheFuture(LogicalNames.ContactInputs.CustomerViewDate, Labels.ContactFields.CustomerViewDate, inputs.CustomerViewDate);
            if (!idText.IsEmpty && contactIds.TryGetLine(idText, out var firstLine))
            {
                problems.Add(ColumnNames.ContactId + " " + ValueReader.Quote(idText) + " is already used on line "
                    + firstLine.ToString(CultureInfo.InvariantCulture) + "; the first row with this id is kept");
            }

            if (problems.Count > 0)
            {
                Reject(file, row, rows.ContactId);
                continue;
            }

            contactIds.Add(idText, row.Line);

            var score = scorer.ScoreContact(inputs, null, now);
            for (var i = 0; i < columns.Length; i++)
            {
                var column = columns[i];
                if (column >= 0)
                {
                    writer.Write(row, column);
                }
                else if (~column < computed.Length)
                {
                    computed[~column].Column.Write(score, values);
                }
                else
                {
                    EngagementColumns.Write(writer, ~column - computed.Length, engagement!);
                }
            }

            writer.EndRecord();
            scored++;

            var parentId = row[rows.ParentCustomerId].Trim();
            AccountBucket? parent = null;
            if (!parentId.IsEmpty && !parents.TryGetValue(parentId, out parent) && deriveAccounts)
            {
                parent = new AccountBucket(parentId.ToString(), string.Empty, DerivedFields(parentId), AccountInputs.Empty, 0);
                accountsById.Add(parent.Id, parent);
                accounts.Add(parent);
            }

            if (!isActive)
            {
                inactive++;
                continue;
            }

            active++;
            if (engagement is not null)
            {
                engagementTotals = engagementTotals.Add(engagement);
            }
            if (score.RecommendedAction is { } action)
            {
                perAction[RelationshipMatrix.Urgency(action) - 1]++;
            }
            else
            {
                notAssessed++;
            }

            if (score.NextFeedbackDue is { } due && due <= today)
            {
                overdue++;
            }

            if (parentId.IsEmpty)
            {
                withoutAccount++;
            }
            else if (parent is null)
            {
                unknownAccount++;
            }
            else
            {
                parent.Contacts.Add(new RollupContact(arena, idText, row[rows.FullName].Trim(), createdOn, inputs, score));
                if (engagement is not null)
                {
                    parent.Engagement = parent.Engagement.Add(engagement);
                }
            }
        }

        progress?.Invoke(reader.BytesRead, length);
    }
}
