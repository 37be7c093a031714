/**
 * The only place in TypeScript that spells Dataverse names and option values.
 * Mirrors ../shared/docs/dataverse-schema.md and relationship-model.md §2; `npm run constants:json`
 * writes the same data to dist/constants.json for the C# drift test.
 */

/** Every option value is 415700000 + n, n counted from 0 in the order the schema lists the options. */
export const OPTION_VALUE_BASE = 415700000;

export interface ChoiceOption<K extends string = string> {
    readonly key: K;
    readonly label: string;
    readonly value: number;
}

export interface Choice<K extends string = string> {
    /** Global choice (option set) logical name. */
    readonly name: string;
    readonly multiSelect: boolean;
    readonly options: readonly ChoiceOption<K>[];
    /** Option value by key, e.g. `RecommendedAction.HighRiskImprovePerception`. */
    readonly value: { readonly [P in K]: number };
}

function defineChoice<const K extends string>(
    name: string,
    options: readonly (readonly [K, string])[],
    multiSelect = false,
): Choice<K> {
    const list = options.map(([key, label], n) => ({ key, label, value: OPTION_VALUE_BASE + n }));
    const value = {} as Record<K, number>;
    for (const option of list) {
        value[option.key] = option.value;
    }
    return { name, multiSelect, options: list, value };
}

export const Choices = {
    relationshipStatus: defineChoice("rel_relationshipstatus", [
        ["No", "No"],
        ["Yes", "Yes"],
    ]),
    organizationalPower: defineChoice("rel_organizationalpower", [
        ["Low", "Low"],
        ["High", "High"],
    ]),
    perception: defineChoice("rel_perception", [
        ["Detractor", "Detractor"],
        ["Advocate", "Advocate"],
    ]),
    activityLevel: defineChoice("rel_activitylevel", [
        ["Passive", "Passive"],
        ["Active", "Active"],
    ]),
    recommendedAction: defineChoice("rel_recommendedaction", [
        ["LowRiskMoveOn", "Low risk, move on"],
        ["ModerateRiskMonitorPerception", "Moderate risk, monitor perception"],
        ["ModerateRiskImprovePerception", "Moderate risk, improve perception"],
        ["HighRiskImprovePerception", "High risk, improve perception"],
        ["LowPotentialActivate", "Low potential, activate"],
        ["LowPotentialMakeAHero", "Low potential, make a hero"],
        ["MedPotentialActivate", "Med potential, activate"],
        ["MedPotentialDevelopRelationship", "Med potential, develop relationship"],
        ["MedPotentialMakeAHero", "Med potential, make a hero"],
        ["HighPotentialFindASponsor", "High potential, find a sponsor"],
        ["HighPotentialLeverage", "High potential, leverage"],
    ]),
    relationshipLevel: defineChoice("rel_relationshiplevel", [
        ["Transactional", "Transactional"],
        ["Service", "Service"],
        ["Partner", "Partner"],
        ["Advisor", "Advisor"],
        ["InnerCircle", "Inner Circle"],
    ]),
    relationshipBehaviour: defineChoice(
        "rel_relationshipbehaviour",
        [
            ["BuysFromUs", "Buys from us"],
            ["ReliesOnOurSupport", "Relies on our support"],
            ["CollaboratesWithUsClosely", "Collaborates with us closely"],
            ["ConsultsUsBeforeDecisions", "Consults us before decisions"],
            ["ValuesUsAcrossTheirBusiness", "Values us across their business"],
        ],
        true,
    ),
    riskBehaviour: defineChoice(
        "rel_riskbehaviour",
        [
            ["Criticism", "Criticism"],
            ["Contempt", "Contempt"],
            ["Defensiveness", "Defensiveness"],
            ["Stonewalling", "Stonewalling"],
        ],
        true,
    ),
    expectationAlignment: defineChoice("rel_expectationalignment", [
        ["Aligned", "Aligned"],
        ["Overestimated", "Overestimated"],
        ["Underestimated", "Underestimated"],
    ]),
    feedbackCadence: defineChoice("rel_feedbackcadence", [
        ["Quarterly", "Quarterly"],
        ["HalfYearly", "Half-yearly"],
        ["Yearly", "Yearly"],
    ]),
    direction: defineChoice("rel_direction", [
        ["ComingTogether", "Coming together"],
        ["Steady", "Steady"],
        ["ComingApart", "Coming apart"],
    ]),
} as const;

export const RelationshipStatus = Choices.relationshipStatus.value;
export const OrganizationalPower = Choices.organizationalPower.value;
export const Perception = Choices.perception.value;
export const RecommendedAction = Choices.recommendedAction.value;

type RecommendedActionKey = keyof typeof RecommendedAction;

/** Label of an option value, or undefined when the value is not in the choice. */
export function labelOf(choice: Choice, value: number | null | undefined): string | undefined {
    if (value === null || value === undefined) {
        return undefined;
    }
    return choice.options.find((option) => option.value === value)?.label;
}

/** relationship-model.md §2: the 11 actions, most urgent first. */
export const ACTION_URGENCY_ORDER: readonly RecommendedActionKey[] = [
    "HighRiskImprovePerception",
    "ModerateRiskImprovePerception",
    "ModerateRiskMonitorPerception",
    "HighPotentialLeverage",
    "HighPotentialFindASponsor",
    "MedPotentialDevelopRelationship",
    "MedPotentialActivate",
    "MedPotentialMakeAHero",
    "LowPotentialMakeAHero",
    "LowPotentialActivate",
    "LowRiskMoveOn",
];

/** 1 (most urgent) to 11, or undefined for an empty or unknown action. */
export function urgencyRank(action: number | null | undefined): number | undefined {
    const option = Choices.recommendedAction.options.find((o) => o.value === action);
    if (option === undefined) {
        return undefined;
    }
    return ACTION_URGENCY_ORDER.indexOf(option.key) + 1;
}

/** relationship-model.md §2: a risk action's label starts with "Moderate risk" or "High risk". */
export function isRiskAction(action: number | null | undefined): boolean {
    const label = labelOf(Choices.recommendedAction, action);
    return label !== undefined && (label.startsWith("Moderate risk") || label.startsWith("High risk"));
}

/** relationship-model.md §2: a potential action's label starts with "Med potential" or "High potential". */
export function isPotentialAction(action: number | null | undefined): boolean {
    const label = labelOf(Choices.recommendedAction, action);
    return label !== undefined && (label.startsWith("Med potential") || label.startsWith("High potential"));
}

/** statecode of an active record (contact and account). */
export const ACTIVE_STATE = 0;

/** Web API name of a lookup's id property, e.g. parentcustomerid → _parentcustomerid_value. */
export function lookupValueProperty(lookupLogicalName: string): string {
    return `_${lookupLogicalName}_value`;
}

/** The account's own customer view: the same three columns, with the same names, as on a contact. */
const CustomerView = {
    customerViewLevel: "rel_customerviewlevel",
    customerViewDate: "rel_customerviewdate",
    feedbackCadence: "rel_feedbackcadence",
} as const;

/** Computed columns contact and account share, with the same names (dataverse-schema.md, "Account columns"). */
const SharedComputed = {
    recommendedAction: "rel_recommendedaction",
    /** Not on the schema page: the action's urgency rank (1 = most urgent), the views' sort key. */
    actionUrgency: "rel_actionurgency",
    relationshipLevel: "rel_relationshiplevel",
    expectationGap: "rel_expectationgap",
    expectationGapScore: "rel_expectationgapscore",
    expectationAlignment: "rel_expectationalignment",
    nextFeedbackDue: "rel_nextfeedbackdue",
    healthScore: "rel_healthscore",
    scoreExplanation: "rel_scoreexplanation",
    scoredOn: "rel_scoredon",
} as const;

export const Contact = {
    entityName: "contact",
    contactId: "contactid",
    fullName: "fullname",
    parentCustomerId: "parentcustomerid",
    stateCode: "statecode",
    relationship: "rel_relationship",
    organizationalPower: "rel_organizationalpower",
    perception: "rel_perception",
    activityLevel: "rel_activitylevel",
    observedBehaviours: "rel_observedbehaviours",
    riskBehaviours: "rel_riskbehaviours",
    ...CustomerView,
    ...SharedComputed,
    previousLevel: "rel_previouslevel",
    levelChangedOn: "rel_levelchangedon",
    direction: "rel_direction",
} as const;

/** The nine seller-editable inputs on a contact. */
export const CONTACT_INPUTS: readonly string[] = [
    Contact.relationship,
    Contact.organizationalPower,
    Contact.perception,
    Contact.activityLevel,
    Contact.observedBehaviours,
    Contact.riskBehaviours,
    ...Object.values(CustomerView),
];

/** Columns only the plug-ins write; read-only on forms. In the order of LogicalNames.Computed.Contact. */
export const CONTACT_COMPUTED: readonly string[] = [
    Contact.recommendedAction,
    Contact.actionUrgency,
    Contact.relationshipLevel,
    Contact.previousLevel,
    Contact.levelChangedOn,
    Contact.direction,
    Contact.expectationGap,
    Contact.expectationGapScore,
    Contact.expectationAlignment,
    Contact.nextFeedbackDue,
    Contact.healthScore,
    Contact.scoreExplanation,
    Contact.scoredOn,
];

export const Account = {
    entityName: "account",
    accountId: "accountid",
    name: "name",
    ...CustomerView,
    ...SharedComputed,
    assessedContacts: "rel_assessedcontacts",
    riskContacts: "rel_riskcontacts",
    potentialContacts: "rel_potentialcontacts",
    highPowerCoverage: "rel_highpowercoverage",
    keyContactId: "rel_keycontactid",
} as const;

export const ACCOUNT_INPUTS: readonly string[] = Object.values(CustomerView);

/** In the order of LogicalNames.Computed.Account. */
export const ACCOUNT_COMPUTED: readonly string[] = [
    ...Object.values(SharedComputed),
    Account.assessedContacts,
    Account.riskContacts,
    Account.potentialContacts,
    Account.highPowerCoverage,
    Account.keyContactId,
];

/** Which global choice each choice column uses (same on contact and account). */
export const COLUMN_CHOICES: Readonly<Record<string, Choice>> = {
    [Contact.relationship]: Choices.relationshipStatus,
    [Contact.organizationalPower]: Choices.organizationalPower,
    [Contact.perception]: Choices.perception,
    [Contact.activityLevel]: Choices.activityLevel,
    [Contact.observedBehaviours]: Choices.relationshipBehaviour,
    [Contact.riskBehaviours]: Choices.riskBehaviour,
    [Contact.customerViewLevel]: Choices.relationshipLevel,
    [Contact.feedbackCadence]: Choices.feedbackCadence,
    [Contact.recommendedAction]: Choices.recommendedAction,
    [Contact.relationshipLevel]: Choices.relationshipLevel,
    [Contact.previousLevel]: Choices.relationshipLevel,
    [Contact.direction]: Choices.direction,
    [Contact.expectationAlignment]: Choices.expectationAlignment,
};

export type PreviewParameterType = "Integer" | "String" | "DateTime";

export interface PreviewParameter {
    readonly name: string;
    readonly type: PreviewParameterType;
    /** The contact column the value is read from. */
    readonly column: string;
}

/** The unbound Custom API the contact form calls to preview an assessment before save. */
export const PreviewAssessmentApi = {
    name: "rel_PreviewRelationshipAssessment",
    request: [
        { name: "Relationship", type: "Integer", column: Contact.relationship },
        { name: "OrganizationalPower", type: "Integer", column: Contact.organizationalPower },
        { name: "Perception", type: "Integer", column: Contact.perception },
        { name: "ActivityLevel", type: "Integer", column: Contact.activityLevel },
        { name: "CustomerViewLevel", type: "Integer", column: Contact.customerViewLevel },
        { name: "FeedbackCadence", type: "Integer", column: Contact.feedbackCadence },
        { name: "ObservedBehaviours", type: "String", column: Contact.observedBehaviours },
        { name: "RiskBehaviours", type: "String", column: Contact.riskBehaviours },
        { name: "CustomerViewDate", type: "DateTime", column: Contact.customerViewDate },
    ] as readonly PreviewParameter[],
    response: {
        recommendedAction: { name: "RecommendedAction", type: "Integer" },
        relationshipLevel: { name: "RelationshipLevel", type: "Integer" },
        expectationGap: { name: "ExpectationGap", type: "Integer" },
        expectationAlignment: { name: "ExpectationAlignment", type: "Integer" },
        healthScore: { name: "HealthScore", type: "Integer" },
        explanation: { name: "Explanation", type: "String" },
    },
} as const;

/** Web resource unique names (the solution source registers these). */
export const WebResourceNames = {
    contactForm: "rel_/scripts/contactform.js",
    accountForm: "rel_/scripts/accountform.js",
    stakeholderMapPage: "rel_/html/stakeholdermap.html",
    stakeholderMapScript: "rel_/scripts/stakeholdermap.js",
} as const;

/** Control names the form XML must use. */
export const FormControls = {
    /** The web resource control on the account form that shows rel_/html/stakeholdermap.html. */
    stakeholderMap: "WebResource_stakeholdermap",
} as const;
