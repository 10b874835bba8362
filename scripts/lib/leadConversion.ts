/**
 * Lead conversion through the Partner SOAP API, shared by the seed and the conversion check: the
 * org's converted lead status, `convertLead` with an opportunity per lead, and what a failed
 * conversion means.
 */
import type { OrgConnection } from './connection.ts';
import { explainError, ScriptError } from './errors.ts';

/** REST header that lets records flagged by a duplicate rule's alert be saved anyway (create, update, upsert only). */
export const ALLOW_DUPLICATES_HEADER = { 'Sforce-Duplicate-Rule-Header': 'allowSave=true' };

/** Leads one convertLead call takes (Apex Reference, Database.convertLead: 100 LeadConvert objects). */
export const CONVERT_LIMIT = 100;

/** Preflight query naming the first converted lead status of the org. */
export const CONVERTED_STATUS_QUERY =
    'SELECT ApiName FROM LeadStatus WHERE IsConverted = true ORDER BY SortOrder LIMIT 1';

/** The SOAP API takes JWT-based access tokens from this API version on (jsforce refuses them below it). */
const SOAP_JWT_VERSION = 68;

export interface ConversionError {
    statusCode?: string;
    message?: string;
    /** With DUPLICATES_DETECTED: the duplicate rule and what it matched, as the API reports it. */
    duplicateResult?: unknown;
}

export interface ConversionResult {
    leadId: string;
    success: boolean;
    accountId: string | null;
    contactId: string | null;
    opportunityId: string | null;
    errors: ConversionError[];
}

export interface LeadToConvert {
    leadId: string;
    /** The user to own what conversion creates; needed when a queue owns the lead. */
    ownerId?: string;
}

/** The status CONVERTED_STATUS_QUERY returned, or a clear error when the org has none. */
export function convertedStatus(records: Record<string, unknown>[] | undefined, orgLabel: string): string {
    const status = records?.[0]?.ApiName;
    if (typeof status !== 'string') {
        throw new ScriptError(
            `${orgLabel} has no converted lead status (LeadStatus with IsConverted = true).`,
            'Add one in Setup → Lead Status values.'
        );
    }
    return status;
}

function isJwt(token: string): boolean {
    const [header, ...rest] = token.split('.');
    if (rest.length !== 2 || !header) return false;
    try {
        return typeof JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) === 'object';
    } catch {
        return false;
    }
}

/**
 * Fails before any work when the session cannot use the SOAP API: a JWT-based access token below
 * API 68.0, which jsforce refuses and the API answers with INVALID_SESSION_ID. `needs` says which
 * step uses SOAP.
 */
export function requireSoapSession(org: OrgConnection, needs: string): void {
    const version = Number(org.conn.version);
    if (isJwt(org.conn.accessToken ?? '') && version < SOAP_JWT_VERSION) {
        throw new ScriptError(
            `${org.label} issued a JWT-based access token, which the SOAP API ${needs} uses accepts only from API ${SOAP_JWT_VERSION}.0 (this project uses ${org.conn.version}).`,
            'Turn off "Issue JSON Web Token (JWT)-based access tokens" in the connected app or external client app you log in with, log in again, and rerun; or, once the org offers API 68.0, raise sourceApiVersion in sfdx-project.json.'
        );
    }
}

/** Converts the leads (one call, each with an opportunity); results in input order. */
export async function convertLeads(
    org: OrgConnection,
    leads: LeadToConvert[],
    status: string
): Promise<ConversionResult[]> {
    if (leads.length > CONVERT_LIMIT) {
        throw new Error(`convertLead takes at most ${CONVERT_LIMIT} leads a call (got ${leads.length})`);
    }
    let results;
    try {
        results = await org.conn.soap.convertLead(
            leads.map(({ leadId, ownerId }) => ({
                leadId,
                convertedStatus: status,
                doNotCreateOpportunity: false,
                sendNotificationEmail: false,
                overwriteLeadSource: false,
                ...(ownerId ? { ownerId } : {})
            }))
        );
    } catch (error) {
        throw explainError(error, org.label, org.reauthenticate);
    }
    return results.map((result, index) => ({
        leadId: result.leadId ?? leads[index]?.leadId ?? '',
        success: result.success,
        accountId: result.accountId ?? null,
        contactId: result.contactId ?? null,
        opportunityId: result.opportunityId ?? null,
        errors: ([result.errors].flat() as unknown as (ConversionError | null | undefined)[]).filter(
            (error): error is ConversionError => error != null
        )
    }));
}

export interface DuplicateBlock {
    rule: string;
    entity: string;
    /** Ids of the records the rule matched (when the response lists them). */
    matches: string[];
}

/** Every string value under `value` that looks like a record Id. */
function ids(value: unknown): string[] {
    if (typeof value === 'string') return /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(value) ? [value] : [];
    if (value !== null && typeof value === 'object') return Object.values(value).flatMap(ids);
    return [];
}

/** The rule behind a DUPLICATES_DETECTED error, from its duplicateResult (SOAP DuplicateError or REST). */
export function duplicateBlock(error: ConversionError): DuplicateBlock | undefined {
    if (error.statusCode !== 'DUPLICATES_DETECTED') return undefined;
    const result = (error.duplicateResult ?? {}) as {
        duplicateRule?: unknown;
        duplicateRuleEntityType?: unknown;
        matchResults?: unknown;
    };
    return {
        rule: typeof result.duplicateRule === 'string' ? result.duplicateRule : 'a duplicate rule',
        entity: typeof result.duplicateRuleEntityType === 'string' ? result.duplicateRuleEntityType : 'a record',
        matches: [...new Set(ids(result.matchResults))]
    };
}

/** One line per error: code, message and, for a duplicate block, the rule and what it matched. */
export function describeConversionErrors(errors: ConversionError[]): string {
    return errors
        .map((error) => {
            const block = duplicateBlock(error);
            const detail = block
                ? ` (rule ${block.rule} on ${block.entity}${block.matches.length > 0 ? `; matches ${block.matches.join(', ')}` : ''})`
                : '';
            return `${error.statusCode ?? ''}: ${error.message ?? ''}${detail}`;
        })
        .join('; ');
}
