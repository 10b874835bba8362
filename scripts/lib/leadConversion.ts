/**
 * Lead conversion through the Partner SOAP API, shared by the seed and the conversion check: the
 * org's converted lead status and `convertLead` with an opportunity per lead.
 */
import type { OrgConnection } from './connection.ts';
import { explainError, ScriptError } from './errors.ts';

/** REST header that lets records flagged by a duplicate rule's alert be saved anyway. */
export const ALLOW_DUPLICATES_HEADER = { 'Sforce-Duplicate-Rule-Header': 'allowSave=true' };

/** Preflight query naming the first converted lead status of the org. */
export const CONVERTED_STATUS_QUERY =
    'SELECT ApiName FROM LeadStatus WHERE IsConverted = true ORDER BY SortOrder LIMIT 1';

export interface ConversionError {
    statusCode?: string;
    message?: string;
}

export interface ConversionResult {
    leadId: string;
    success: boolean;
    accountId: string | null;
    contactId: string | null;
    opportunityId: string | null;
    errors: ConversionError[];
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

/** Converts the leads (one call, each with an opportunity); results in input order. */
export async function convertLeads(org: OrgConnection, leadIds: string[], status: string): Promise<ConversionResult[]> {
    let results;
    try {
        results = await org.conn.soap.convertLead(
            leadIds.map((leadId) => ({
                leadId,
                convertedStatus: status,
                doNotCreateOpportunity: false,
                sendNotificationEmail: false
            }))
        );
    } catch (error) {
        throw explainError(error, org.label, org.reauthenticate);
    }
    return results.map((result, index) => ({
        leadId: result.leadId ?? leadIds[index] ?? '',
        success: result.success,
        accountId: result.accountId ?? null,
        contactId: result.contactId ?? null,
        opportunityId: result.opportunityId ?? null,
        errors: ([result.errors].flat() as unknown as (ConversionError | null | undefined)[]).filter(
            (error): error is ConversionError => error != null
        )
    }));
}
