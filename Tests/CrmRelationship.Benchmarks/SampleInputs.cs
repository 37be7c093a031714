using System;
using System.Collections.Generic;
using CrmRelationship.Scoring;

namespace CrmRelationship.Benchmarks;

/// <summary>Deterministic contact inputs for the benchmarks.</summary>
public static class SampleInputs
{
    public static ContactInputs[] Contacts(ContactProfile profile, int count, int seed)
    {
        var random = new Random(seed);
        var inputs = new ContactInputs[count];
        for (var i = 0; i < count; i++)
        {
            inputs[i] = profile switch
            {
                ContactProfile.NotAssessed => ContactInputs.Empty,
                ContactProfile.FullyAssessed => new ContactInputs
                {
                    Relationship = Pick<RelationshipStatus>(random),
                    OrganizationalPower = Pick<OrganizationalPower>(random),
                    Perception = Pick<Perception>(random),
                    ActivityLevel = Pick<ActivityLevel>(random),
                    ObservedBehaviours = new[] { RelationshipBehaviour.BuysFromUs, RelationshipBehaviour.ReliesOnOurSupport, RelationshipBehaviour.ConsultsUsBeforeDecisions, RelationshipBehaviour.ValuesUsAcrossTheirBusiness },
                    RiskBehaviours = new[] { RiskBehaviour.Criticism, RiskBehaviour.Contempt },
                    CustomerViewLevel = Pick<RelationshipLevel>(random),
                    CustomerViewDate = new DateTime(2026, 3, 31),
                    FeedbackCadence = Pick<FeedbackCadence>(random),
                },
                _ => Mixed(random),
            };
        }

        return inputs;
    }

    private static ContactInputs Mixed(Random random)
    {
        var assessed = random.Next(10) != 0;
        var behaviours = new List<RelationshipBehaviour>();
        var rungs = random.Next(6);
        for (var r = 0; r < rungs; r++)
        {
            if (r == 0 || random.Next(8) != 0)
            {
                behaviours.Add(Ladder.BehaviourOf(r + 1));
            }
        }

        var hasView = random.Next(2) == 0;
        return new ContactInputs
        {
            Relationship = assessed ? Pick<RelationshipStatus>(random) : null,
            OrganizationalPower = assessed ? Pick<OrganizationalPower>(random) : null,
            Perception = assessed ? Pick<Perception>(random) : null,
            ActivityLevel = assessed ? Pick<ActivityLevel>(random) : null,
            ObservedBehaviours = behaviours.ToArray(),
            RiskBehaviours = random.Next(4) == 0 ? new[] { Pick<RiskBehaviour>(random) } : Array.Empty<RiskBehaviour>(),
            CustomerViewLevel = hasView ? Pick<RelationshipLevel>(random) : null,
            CustomerViewDate = hasView && random.Next(5) != 0 ? new DateTime(2025, 6, 1).AddDays(random.Next(540)) : null,
            FeedbackCadence = random.Next(3) == 0 ? null : Pick<FeedbackCadence>(random),
        };
    }

    private static TChoice Pick<TChoice>(Random random)
        where TChoice : struct, Enum
    {
        var labels = Labels.All<TChoice>();
        return Labels.TryParse(labels[random.Next(labels.Count)], out TChoice value)
            ? value
            : throw new InvalidOperationException("Labels.All and Labels.TryParse disagree for " + typeof(TChoice).Name + ".");
    }
}
