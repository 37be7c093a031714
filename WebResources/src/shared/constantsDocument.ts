import {
    ACCOUNT_COMPUTED,
    ACCOUNT_INPUTS,
    ACTION_URGENCY_ORDER,
    Account,
    COLUMN_CHOICES,
    CONTACT_COMPUTED,
    CONTACT_INPUTS,
    Choices,
    Contact,
    FormControls,
    OPTION_VALUE_BASE,
    PreviewAssessmentApi,
    RecommendedAction,
    WebResourceNames,
    isPotentialAction,
    isRiskAction,
} from "./schema";

/**
 * The TypeScript constants as plain JSON, so the C# drift test can compare them with the
 * solution source without parsing TypeScript. Written to dist/constants.json by the build.
 */
export function constantsDocument(): unknown {
    const choices = Object.values(Choices).map((choice) => ({
        name: choice.name,
        multiSelect: choice.multiSelect,
        options: choice.options.map((o) => ({ label: o.label, value: o.value })),
    }));
    const columnChoices: Record<string, string> = {};
    for (const [column, choice] of Object.entries(COLUMN_CHOICES)) {
        columnChoices[column] = choice.name;
    }
    const actionsByUrgency = ACTION_URGENCY_ORDER.map((key) => RecommendedAction[key]);
    return {
        optionValueBase: OPTION_VALUE_BASE,
        choices,
        columnChoices,
        tables: {
            contact: {
                entityName: Contact.entityName,
                inputs: CONTACT_INPUTS,
                computed: CONTACT_COMPUTED,
                allColumns: Object.values(Contact).filter((name) => name !== Contact.entityName),
            },
            account: {
                entityName: Account.entityName,
                inputs: ACCOUNT_INPUTS,
                computed: ACCOUNT_COMPUTED,
                allColumns: Object.values(Account).filter((name) => name !== Account.entityName),
            },
        },
        recommendedActions: {
            byUrgency: actionsByUrgency,
            risk: actionsByUrgency.filter((value) => isRiskAction(value)),
            potential: actionsByUrgency.filter((value) => isPotentialAction(value)),
        },
        customApi: {
            name: PreviewAssessmentApi.name,
            requestParameters: PreviewAssessmentApi.request.map((p) => ({ name: p.name, type: p.type })),
            responseProperties: Object.values(PreviewAssessmentApi.response).map((p) => ({ name: p.name, type: p.type })),
        },
        webResources: WebResourceNames,
        formControls: FormControls,
    };
}
