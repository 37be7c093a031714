namespace CrmRelationship.Scoring;

// Every choice of dataverse-schema.md, with the option value Dataverse stores (415700000 + n).
// The values are the contract between the plug-ins, the solution and the web resources.

/// <summary>Would this person take your call? (<c>rel_relationshipstatus</c>)</summary>
public enum RelationshipStatus
{
    No = 415700000,
    Yes = 415700001,
}

/// <summary>Can this person advance or subvert an initiative? (<c>rel_organizationalpower</c>)</summary>
public enum OrganizationalPower
{
    Low = 415700000,
    High = 415700001,
}

/// <summary>How the person sees our company and products. (<c>rel_perception</c>)</summary>
public enum Perception
{
    Detractor = 415700000,
    Advocate = 415700001,
}

/// <summary>Whether the person acts on their views. (<c>rel_activitylevel</c>)</summary>
public enum ActivityLevel
{
    Passive = 415700000,
    Active = 415700001,
}

/// <summary>The eleven actions of the relationship matrix. (<c>rel_recommendedaction</c>)</summary>
public enum RecommendedAction
{
    LowRiskMoveOn = 415700000,
    ModerateRiskMonitorPerception = 415700001,
    ModerateRiskImprovePerception = 415700002,
    HighRiskImprovePerception = 415700003,
    LowPotentialActivate = 415700004,
    LowPotentialMakeAHero = 415700005,
    MedPotentialActivate = 415700006,
    MedPotentialDevelopRelationship = 415700007,
    MedPotentialMakeAHero = 415700008,
    HighPotentialFindASponsor = 415700009,
    HighPotentialLeverage = 415700010,
}

/// <summary>The five rungs of the relationship ladder. (<c>rel_relationshiplevel</c>)</summary>
public enum RelationshipLevel
{
    Transactional = 415700000,
    Service = 415700001,
    Partner = 415700002,
    Advisor = 415700003,
    InnerCircle = 415700004,
}

/// <summary>The behaviour that shows each rung of the ladder. (<c>rel_relationshipbehaviour</c>, multi-select)</summary>
public enum RelationshipBehaviour
{
    BuysFromUs = 415700000,
    ReliesOnOurSupport = 415700001,
    CollaboratesWithUsClosely = 415700002,
    ConsultsUsBeforeDecisions = 415700003,
    ValuesUsAcrossTheirBusiness = 415700004,
}

/// <summary>The four behaviours that predict a relationship falling apart. (<c>rel_riskbehaviour</c>, multi-select)</summary>
public enum RiskBehaviour
{
    Criticism = 415700000,
    Contempt = 415700001,
    Defensiveness = 415700002,
    Stonewalling = 415700003,
}

/// <summary>Our view of the relationship against the customer's. (<c>rel_expectationalignment</c>)</summary>
public enum ExpectationAlignment
{
    Aligned = 415700000,
    Overestimated = 415700001,
    Underestimated = 415700002,
}

/// <summary>How often to ask for feedback. (<c>rel_feedbackcadence</c>; empty means quarterly)</summary>
public enum FeedbackCadence
{
    Quarterly = 415700000,
    HalfYearly = 415700001,
    Yearly = 415700002,
}

/// <summary>Whether the relationship is building or deteriorating. (<c>rel_direction</c>)</summary>
public enum Direction
{
    ComingTogether = 415700000,
    Steady = 415700001,
    ComingApart = 415700002,
}
