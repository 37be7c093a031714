namespace CrmRelationship.Scoring;

/// <summary>
/// Every Dataverse logical name the product uses (dataverse-schema.md), defined once for all C#
/// callers: the plug-ins, the offline scorer and the tests. They are plain strings, so the Scoring
/// library still knows nothing of the SDK; a drift test checks them against the solution source.
/// </summary>
public static class LogicalNames
{
    public const string Contact = "contact";
    public const string Account = "account";

    /// <summary>Standard columns read by the product.</summary>
    public static class Standard
    {
        public const string ContactId = "contactid";
        public const string AccountId = "accountid";
        public const string FullName = "fullname";
        public const string Name = "name";
        public const string ParentCustomerId = "parentcustomerid";
        public const string StateCode = "statecode";
        public const string CreatedOn = "createdon";
    }

    /// <summary>Columns a seller fills in on a contact (relationship-model.md §1).</summary>
    public static class ContactInputs
    {
        public const string Relationship = "rel_relationship";
        public const string OrganizationalPower = "rel_organizationalpower";
        public const string Perception = "rel_perception";
        public const string ActivityLevel = "rel_activitylevel";
        public const string ObservedBehaviours = "rel_observedbehaviours";
        public const string RiskBehaviours = "rel_riskbehaviours";
        public const string CustomerViewLevel = "rel_customerviewlevel";
        public const string CustomerViewDate = "rel_customerviewdate";
        public const string FeedbackCadence = "rel_feedbackcadence";

        /// <summary>The nine inputs, in the order of dataverse-schema.md.</summary>
        public static readonly string[] All =
        {
            Relationship, OrganizationalPower, Perception, ActivityLevel, ObservedBehaviours,
            RiskBehaviours, CustomerViewLevel, CustomerViewDate, FeedbackCadence,
        };
    }

    /// <summary>Columns an account carries as its own customer view.</summary>
    public static class AccountInputs
    {
        public const string CustomerViewLevel = "rel_customerviewlevel";
        public const string CustomerViewDate = "rel_customerviewdate";
        public const string FeedbackCadence = "rel_feedbackcadence";

        public static readonly string[] All = { CustomerViewLevel, CustomerViewDate, FeedbackCadence };
    }

    /// <summary>Columns written only by the plug-ins (contact and account share these names).</summary>
    public static class Computed
    {
        public const string RecommendedAction = "rel_recommendedaction";

        /// <summary>
        /// The rank of the recommended action, 1 (most urgent) to 11 (relationship-model.md §2), empty
        /// with no action: the one column the schema page does not name. A view can sort a choice only by
        /// its label or its value, neither of which is the urgency order, so the views sort by this.
        /// </summary>
        public const string ActionUrgency = "rel_actionurgency";
        public const string RelationshipLevel = "rel_relationshiplevel";
        public const string PreviousLevel = "rel_previouslevel";
        public const string LevelChangedOn = "rel_levelchangedon";
        public const string Direction = "rel_direction";
        public const string ExpectationGap = "rel_expectationgap";
        public const string ExpectationGapScore = "rel_expectationgapscore";
        public const string ExpectationAlignment = "rel_expectationalignment";
        public const string NextFeedbackDue = "rel_nextfeedbackdue";
        public const string HealthScore = "rel_healthscore";
        public const string ScoreExplanation = "rel_scoreexplanation";
        public const string ScoredOn = "rel_scoredon";
        public const string AssessedContacts = "rel_assessedcontacts";
        public const string RiskContacts = "rel_riskcontacts";
        public const string PotentialContacts = "rel_potentialcontacts";
        public const string HighPowerCoverage = "rel_highpowercoverage";
        public const string KeyContactId = "rel_keycontactid";

        /// <summary>The contact's computed columns.</summary>
        public static readonly string[] Contact =
        {
            RecommendedAction, ActionUrgency, RelationshipLevel, PreviousLevel, LevelChangedOn, Direction, ExpectationGap,
            ExpectationGapScore, ExpectationAlignment, NextFeedbackDue, HealthScore, ScoreExplanation, ScoredOn,
        };

        /// <summary>The account's computed columns.</summary>
        public static readonly string[] Account =
        {
            RecommendedAction, ActionUrgency, RelationshipLevel, ExpectationGap, ExpectationGapScore,
            ExpectationAlignment, NextFeedbackDue, HealthScore, ScoreExplanation, ScoredOn, AssessedContacts, RiskContacts,
            PotentialContacts, HighPowerCoverage, KeyContactId,
        };
    }

    /// <summary>
    /// The unbound Custom API the contact form calls to preview an assessment before save, with its
    /// request parameters and response properties (Solution/src/customapis/rel_PreviewRelationshipAssessment).
    /// </summary>
    public static class PreviewAssessment
    {
        public const string MessageName = "rel_PreviewRelationshipAssessment";

        /// <summary>Request parameters (all optional). Choices are Integer option values.</summary>
        public const string Relationship = "Relationship";
        public const string OrganizationalPower = "OrganizationalPower";
        public const string Perception = "Perception";
        public const string ActivityLevel = "ActivityLevel";
        public const string CustomerViewLevel = "CustomerViewLevel";
        public const string FeedbackCadence = "FeedbackCadence";

        /// <summary>String request parameters: option values separated by commas.</summary>
        public const string ObservedBehaviours = "ObservedBehaviours";
        public const string RiskBehaviours = "RiskBehaviours";

        /// <summary>DateTime request parameter; only its date counts.</summary>
        public const string CustomerViewDate = "CustomerViewDate";

        /// <summary>Response properties: Integer, absent when not computed.</summary>
        public const string RecommendedAction = "RecommendedAction";
        public const string RelationshipLevel = "RelationshipLevel";
        public const string ExpectationGap = "ExpectationGap";
        public const string ExpectationAlignment = "ExpectationAlignment";
        public const string HealthScore = "HealthScore";

        /// <summary>String response property, always set.</summary>
        public const string Explanation = "Explanation";
    }
}
