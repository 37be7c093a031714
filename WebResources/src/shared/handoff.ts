/**
 * The contract between the account form script and the stakeholder map page. The form script
 * gets the page's window with the web resource control's getContentWindow() and calls
 * `CrmRelationship.StakeholderMap.init(context)` on it; the page never looks at its parent.
 */

/** The account values the map shows above the grid. null = not computed. */
export interface AccountSummary {
    readonly relationshipLevel: number | null;
    readonly healthScore: number | null;
    readonly expectationGap: number | null;
    readonly expectationAlignment: number | null;
    readonly highPowerCoverage: number | null;
    readonly keyContactId: string | null;
    readonly keyContactName: string | null;
}

/** The parts of Xrm the map uses. */
export type StakeholderMapXrm = Pick<Xrm.XrmStatic, "WebApi" | "Navigation">;

export interface StakeholderMapContext {
    /** The account's id; null while the account is not saved yet. */
    readonly accountId: string | null;
    readonly xrm: StakeholderMapXrm;
    /** The account's values read from the form; when absent the map retrieves them (one more call). */
    readonly account?: AccountSummary;
}

export interface StakeholderMapApi {
    init(context: StakeholderMapContext): Promise<void>;
}

interface StakeholderMapWindow {
    CrmRelationship?: { StakeholderMap?: Partial<StakeholderMapApi> };
}

/** The map's entry point in a web resource window, or undefined when the page is not (yet) the map. */
export function stakeholderMapApi(contentWindow: Window): StakeholderMapApi | undefined {
    const api = (contentWindow as Window & StakeholderMapWindow).CrmRelationship?.StakeholderMap;
    return typeof api?.init === "function" ? (api as StakeholderMapApi) : undefined;
}
