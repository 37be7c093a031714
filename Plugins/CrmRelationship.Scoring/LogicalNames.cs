namespace CrmRelationship.Scoring;

/// <summary>
/// The Dataverse names the product uses, grouped as its C# callers need them: the plug-ins, the offline scorer
/// and the tests. The solution's own names come from the constants generated from Solution/src
/// (<see cref="ContactFields"/>, <see cref="AccountFields"/>, <see cref="PreviewRelationshipAssessmentApi"/>);
/// only the standard columns, which the source does not define, are spelled here. Plain strings, so the Scoring
/// library still knows nothing of the SDK.
/// </summary>
public static class LogicalNames
{
    public const string Contact = ContactFields.EntityLogicalName;
    public const string Account = AccountFields.EntityLogicalName;

    /// <summary>The statecode value of an active contact or account (a platform value, the same in every organization).</summary>
    public const int ActiveState = 0;

    /// <summary>
    /// Standard columns read by the product. Not in the solution source, so named here once; <c>crmrel generate</c>
    /// exports them to the web resources.
    /// </summary>
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
        public const string Relationship = ContactFields.Relationship;
        public const string OrganizationalPower = ContactFields.OrganizationalPower;
        public const string Perception = ContactFields.Perception;
        public const string ActivityLevel = ContactFields.ActivityLevel;
        public const string ObservedBehaviours = ContactFields.ObservedBehaviours;
        public const string RiskBehaviours = ContactFields.RiskBehaviours;
        public const string CustomerViewLevel = ContactFields.CustomerViewLevel;
        public const string CustomerViewDate = ContactFields.CustomerViewDate;
        public const string FeedbackCadence = ContactFields.FeedbackCadence;

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
        public const string CustomerViewLevel = AccountFields.CustomerViewLevel;
        public const string CustomerViewDate = AccountFields.CustomerViewDate;
        public const string FeedbackCadence = AccountFields.FeedbackCadence;

        public static readonly string[] All = { CustomerViewLevel, CustomerViewDate, FeedbackCadence };
    }

    /// <summary>
    /// Columns written only by the plug-ins. Contact and account share the names of the first ten (the source
    /// defines each on both tables); the last five, and the two touchpoint columns of <see cref="Account"/>, are
    /// the account's own. The contact's touchpoint columns are in <see cref="Touchpoints"/>: the activity plug-in
    /// writes them, not the contact's scoring.
    /// </summary>
    public static class Computed
    {
        public const string RecommendedAction = ContactFields.RecommendedAction;

        /// <summary>
        /// The rank of the recommended action, 1 (most urgent) to 11 (relationship-model.md §2), empty
        /// with no action: the one column the schema page does not name. A view can sort a choice only by
        /// its label or its value, neither of which is the urgency order, so the views sort by this.
        /// </summary>
        public const string ActionUrgency = ContactFields.ActionUrgency;
        public const string RelationshipLevel = ContactFields.RelationshipLevel;
        public const string PreviousLevel = ContactFields.PreviousLevel;
        public const string LevelChangedOn = ContactFields.LevelChangedOn;
        public const string Direction = ContactFields.Direction;
        public const string ExpectationGap = ContactFields.ExpectationGap;
        public const string ExpectationGapScore = ContactFields.ExpectationGapScore;
        public const string ExpectationAlignment = ContactFields.ExpectationAlignment;
        public const string NextFeedbackDue = ContactFields.NextFeedbackDue;
        public const string HealthScore = ContactFields.HealthScore;
        public const string ScoreExplanation = ContactFields.ScoreExplanation;
        public const string ScoredOn = ContactFields.ScoredOn;
        public const string AssessedContacts = AccountFields.AssessedContacts;
        public const string RiskContacts = AccountFields.RiskContacts;
        public const string PotentialContacts = AccountFields.PotentialContacts;
        public const string HighPowerCoverage = AccountFields.HighPowerCoverage;
        public const string KeyContactId = AccountFields.KeyContactId;

        /// <summary>The contact's computed columns.</summary>
        public static readonly string[] Contact =
        {
            ContactFields.RecommendedAction, ContactFields.ActionUrgency, ContactFields.RelationshipLevel, ContactFields.PreviousLevel,
            ContactFields.LevelChangedOn, ContactFields.Direction, ContactFields.ExpectationGap, ContactFields.ExpectationGapScore,
            ContactFields.ExpectationAlignment, ContactFields.NextFeedbackDue, ContactFields.HealthScore, ContactFields.ScoreExplanation,
            ContactFields.ScoredOn,
        };

        /// <summary>The account's computed columns.</summary>
        public static readonly string[] Account =
        {
            AccountFields.RecommendedAction, AccountFields.ActionUrgency, AccountFields.RelationshipLevel, AccountFields.ExpectationGap,
            AccountFields.ExpectationGapScore, AccountFields.ExpectationAlignment, AccountFields.NextFeedbackDue, AccountFields.HealthScore,
            AccountFields.ScoreExplanation, AccountFields.ScoredOn, AccountFields.AssessedContacts, AccountFields.RiskContacts,
            AccountFields.PotentialContacts, AccountFields.HighPowerCoverage, AccountFields.KeyContactId,
            AccountFields.LastTouchpoint, AccountFields.NoticedContacts,
        };
    }

    /// <summary>
    /// The standard activity tables and columns the touchpoint count reads (relationship-model.md §9,
    /// activities-config-webapi.md §A). Platform names and values, the same in every organization.
    /// </summary>
    public static class Activities
    {
        public const string PhoneCall = "phonecall";
        public const string Appointment = "appointment";
        public const string Email = "email";

        /// <summary>Every activity of every table, one row each; <see cref="ActivityTypeCode"/> names the table.</summary>
        public const string ActivityPointer = "activitypointer";
        public const string ActivityParty = "activityparty";
        public const string ActivityId = "activityid";
        public const string ActivityTypeCode = "activitytypecode";
        public const string StateCode = "statecode";
        public const string ActualEnd = "actualend";
        public const string ModifiedOn = "modifiedon";
        public const string PartyId = "partyid";
        public const string ParticipationTypeMask = "participationtypemask";

        /// <summary>The statecode of a completed activity (activitypointer: 0 Open, 1 Completed, 2 Canceled, 3 Scheduled).</summary>
        public const int CompletedState = 1;

        /// <summary>The party lists a contact can be in: From, To, CC on calls and emails; attendees and organizer on appointments.</summary>
        public const string From = "from";
        public const string To = "to";
        public const string Cc = "cc";
        public const string RequiredAttendees = "requiredattendees";
        public const string OptionalAttendees = "optionalattendees";
        public const string Organizer = "organizer";

        /// <summary>The party lists of <see cref="PhoneCall"/> and <see cref="Email"/>, then of <see cref="Appointment"/>.</summary>
        public static readonly string[] PartyLists = { From, To, Cc, RequiredAttendees, OptionalAttendees, Organizer };
    }

    /// <summary>The contact's touchpoint columns, written by the activity plug-in (relationship-model.md §9).</summary>
    public static class Touchpoints
    {
        public const string Count = ContactFields.Touchpoints;
        public const string LastTouchpoint = ContactFields.LastTouchpoint;
        public const string Engagement = ContactFields.Engagement;
        public const string AccountLastTouchpoint = AccountFields.LastTouchpoint;
        public const string NoticedContacts = AccountFields.NoticedContacts;

        /// <summary>The three contact columns, in the order of dataverse-schema.md.</summary>
        public static readonly string[] Contact = { Count, LastTouchpoint, Engagement };

        /// <summary>The two account columns the rollup computes from its contacts' touchpoint columns.</summary>
        public static readonly string[] Account = { AccountLastTouchpoint, NoticedContacts };
    }

    /// <summary>
    /// The unbound Custom API the contact form calls to preview an assessment before save, with its
    /// request parameters and response properties (<see cref="PreviewRelationshipAssessmentApi"/>).
    /// </summary>
    public static class PreviewAssessment
    {
        public const string MessageName = PreviewRelationshipAssessmentApi.MessageName;

        /// <summary>Request parameters (all optional). Choices are Integer option values.</summary>
        public const string Relationship = PreviewRelationshipAssessmentApi.RequestParameters.Relationship;
        public const string OrganizationalPower = PreviewRelationshipAssessmentApi.RequestParameters.OrganizationalPower;
        public const string Perception = PreviewRelationshipAssessmentApi.RequestParameters.Perception;
        public const string ActivityLevel = PreviewRelationshipAssessmentApi.RequestParameters.ActivityLevel;
        public const string CustomerViewLevel = PreviewRelationshipAssessmentApi.RequestParameters.CustomerViewLevel;
        public const string FeedbackCadence = PreviewRelationshipAssessmentApi.RequestParameters.FeedbackCadence;

        /// <summary>String request parameters: option values separated by commas.</summary>
        public const string ObservedBehaviours = PreviewRelationshipAssessmentApi.RequestParameters.ObservedBehaviours;
        public const string RiskBehaviours = PreviewRelationshipAssessmentApi.RequestParameters.RiskBehaviours;

        /// <summary>DateTime request parameter; only its date counts.</summary>
        public const string CustomerViewDate = PreviewRelationshipAssessmentApi.RequestParameters.CustomerViewDate;

        /// <summary>Response properties: Integer, absent when not computed.</summary>
        public const string RecommendedAction = PreviewRelationshipAssessmentApi.ResponseProperties.RecommendedAction;
        public const string RelationshipLevel = PreviewRelationshipAssessmentApi.ResponseProperties.RelationshipLevel;
        public const string ExpectationGap = PreviewRelationshipAssessmentApi.ResponseProperties.ExpectationGap;
        public const string ExpectationAlignment = PreviewRelationshipAssessmentApi.ResponseProperties.ExpectationAlignment;
        public const string HealthScore = PreviewRelationshipAssessmentApi.ResponseProperties.HealthScore;

        /// <summary>String response property, always set.</summary>
        public const string Explanation = PreviewRelationshipAssessmentApi.ResponseProperties.Explanation;
    }
}
