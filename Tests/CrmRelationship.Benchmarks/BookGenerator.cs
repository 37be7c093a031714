using System;
using System.Globalization;
using System.IO;
using System.Text;
using CrmRelationship.Scoring;

namespace CrmRelationship.Benchmarks;

/// <summary>
/// Writes a synthetic but realistic book for the end-to-end benchmark: an accounts file and a
/// contacts file in the export format (GUID ids, display labels, some values empty, a few inactive
/// contacts and contacts without an account, account sizes from a handful to a few thousand).
/// Deterministic for a given seed, streamed to disk, so it costs almost no memory.
/// </summary>
public static class BookGenerator
{
    private static readonly string[] FirstNames = { "Ann", "Bo", "Cai", "Dana", "Emil", "Fatima", "Goran", "Hana", "Ivo", "Jana", "Kofi", "Lea", "Mateo", "Nia", "Omar", "Pia", "Quinn", "Rui", "Sara", "Timo", "Uma", "Vera", "Wen", "Xavi", "Yara", "Zoë" };
    private static readonly string[] LastNames = { "Lee", "Park", "Moss", "Novak", "Okafor", "Berg", "Costa", "Dahl", "Eze", "Fischer", "García", "Horvat", "Ito", "Jensen", "Kowalski", "Larsen", "Meyer", "Nakamura", "O'Brien", "Petrov", "Rossi", "Silva", "Tanaka", "Unger", "Varga", "Weiss" };
    private static readonly string[] Titles = { "Chief Executive Officer", "CFO", "Head of Procurement", "IT Director", "Operations Manager", "Buyer", "Engineer", "VP, Sales", "Project Lead", "Analyst" };

    public const string ContactsFile = "contacts.csv";
    public const string AccountsFile = "accounts.csv";

    /// <summary>Writes accounts.csv and contacts.csv into <paramref name="folder"/>; returns the contacts path.</summary>
    public static string Write(string folder, int contacts, int accounts, int seed = 20261124)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var accountIds = new string[accounts];
        var cumulative = new double[accounts];
        var total = 0.0;
        for (var i = 0; i < accounts; i++)
        {
            accountIds[i] = NewId(random);

            // A long tail: most accounts have tens of contacts, a few have thousands.
            total += 1.0 / Math.Pow(i + 1, 0.35);
            cumulative[i] = total;
        }

        using (var writer = Writer(Path.Combine(folder, AccountsFile)))
        {
            writer.Write("accountid,name,address1_city,rel_customerviewlevel,rel_customerviewdate,rel_feedbackcadence\r\n");
            for (var i = 0; i < accounts; i++)
            {
                var hasView = random.Next(3) == 0;
                writer.Write(accountIds[i]);
                writer.Write(",\"Company ");
                writer.Write(i.ToString(CultureInfo.InvariantCulture));
                writer.Write(", Ltd\",Springfield,");
                writer.Write(hasView ? Label<RelationshipLevel>(random) : string.Empty);
                writer.Write(',');
                writer.Write(hasView ? Date(random) : string.Empty);
                writer.Write(',');
                writer.Write(hasView ? Label<FeedbackCadence>(random) : string.Empty);
                writer.Write("\r\n");
            }
        }

        var contactsPath = Path.Combine(folder, ContactsFile);
        using (var writer = Writer(contactsPath))
        {
            writer.Write("contactid,fullname,jobtitle,emailaddress1,parentcustomerid,statecode,createdon,rel_relationship,rel_organizationalpower,rel_perception,rel_activitylevel,rel_observedbehaviours,rel_riskbehaviours,rel_customerviewlevel,rel_customerviewdate,rel_feedbackcadence\r\n");
            for (var i = 0; i < contacts; i++)
            {
                var first = FirstNames[random.Next(FirstNames.Length)];
                var last = LastNames[random.Next(LastNames.Length)];
                var parent = random.Next(100) == 0 ? string.Empty : accountIds[Pick(cumulative, random.NextDouble() * total)];
                var assessed = random.Next(10) != 0;
                writer.Write(NewId(random));
                writer.Write(',');
                writer.Write(first);
                writer.Write(' ');
                writer.Write(last);
                writer.Write(',');
                var title = Titles[random.Next(Titles.Length)];
                writer.Write(title.Contains(',', StringComparison.Ordinal) ? "\"" + title + "\"" : title);
                writer.Write(',');
                writer.Write(first.ToLowerInvariant());
                writer.Write('.');
                writer.Write(i.ToString(CultureInfo.InvariantCulture));
                writer.Write("@example.com,");
                writer.Write(parent);
                writer.Write(',');
                writer.Write(random.Next(20) == 0 ? "Inactive" : random.Next(2) == 0 ? "Active" : string.Empty);
                writer.Write(",2024-");
                writer.Write((1 + random.Next(12)).ToString("00", CultureInfo.InvariantCulture));
                writer.Write('-');
                writer.Write((1 + random.Next(28)).ToString("00", CultureInfo.InvariantCulture));
                writer.Write("T09:30:00Z,");
                writer.Write(assessed ? Label<RelationshipStatus>(random) : string.Empty);
                writer.Write(',');
                writer.Write(assessed ? Label<OrganizationalPower>(random) : string.Empty);
                writer.Write(',');
                writer.Write(assessed ? Label<Perception>(random) : string.Empty);
                writer.Write(',');
                writer.Write(assessed || random.Next(2) == 0 ? Label<ActivityLevel>(random) : string.Empty);
                writer.Write(',');
                writer.Write(Behaviours(random));
                writer.Write(',');
                writer.Write(Risks(random));
                writer.Write(',');
                var hasView = random.Next(2) == 0;
                writer.Write(hasView ? Label<RelationshipLevel>(random) : string.Empty);
                writer.Write(',');
                writer.Write(hasView && random.Next(5) != 0 ? Date(random) : string.Empty);
                writer.Write(',');
                writer.Write(random.Next(3) == 0 ? string.Empty : Label<FeedbackCadence>(random));
                writer.Write("\r\n");
            }
        }

        return contactsPath;
    }

    private static StreamWriter Writer(string path) => new(path, false, new UTF8Encoding(false), 1 << 16);

    private static string NewId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private static int Pick(double[] cumulative, double target)
    {
        var index = Array.BinarySearch(cumulative, target);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    private static string Label<TChoice>(Random random)
        where TChoice : struct, Enum
    {
        var labels = Labels.All<TChoice>();
        return labels[random.Next(labels.Count)];
    }

    private static string Behaviours(Random random)
    {
        var labels = Labels.All<RelationshipBehaviour>();
        var rungs = random.Next(6);
        var builder = new StringBuilder();
        for (var i = 0; i < rungs; i++)
        {
            // Mostly contiguous ladders, sometimes a skipped rung.
            if (i > 0 && random.Next(8) == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(random.Next(2) == 0 ? ";" : "; ");
            }

            builder.Append(labels[i]);
        }

        return builder.ToString();
    }

    private static string Risks(Random random)
    {
        if (random.Next(4) != 0)
        {
            return string.Empty;
        }

        var labels = Labels.All<RiskBehaviour>();
        var first = random.Next(labels.Count);
        return random.Next(3) == 0 ? labels[first] + ";" + labels[(first + 1) % labels.Count] : labels[first];
    }

    private static string Date(Random random) =>
        new DateTime(2025, 6, 1).AddDays(random.Next(540)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
