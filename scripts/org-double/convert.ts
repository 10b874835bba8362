/**
 * Lead conversion in the org double: creates Account, Contact and (unless asked not to)
 * Opportunity from the lead with the platform's standard mapping and the org's
 * LeadConvertSettings mapping, links the lead's campaign memberships to the contact, sets the
 * opportunity's primary campaign to the lead's most recent campaign, and makes the lead
 * read-only. All or nothing per lead. No Apex runs.
 */
import type { LeadConvertSettings } from '../lib/projectMetadata.ts';
import { STANDARD_CONVERSION_MAPPING, type ConversionTarget } from '../lib/standardConversionMapping.ts';
import { ApiError } from './apiError.ts';
import type { SObjectRecord, Store } from './store.ts';

export interface LeadConvertRequest {
    leadId: string;
    convertedStatus: string;
    doNotCreateOpportunity: boolean;
    opportunityName?: string;
}

export interface LeadConvertResult {
    leadId: string;
    success: boolean;
    accountId?: string;
    contactId?: string;
    opportunityId?: string;
    errors: ApiError[];
}

function endOfQuarter(now: Date): string {
    const quarterEndMonth = Math.floor(now.getUTCMonth() / 3) * 3 + 3;
    return new Date(Date.UTC(now.getUTCFullYear(), quarterEndMonth, 0)).toISOString().slice(0, 10);
}

export function convertLead(
    store: Store,
    settings: LeadConvertSettings,
    request: LeadConvertRequest,
    now: Date
): LeadConvertResult {
    const created: string[] = [];
    try {
        const found = store.find(request.leadId);
        if (found?.object.name !== 'Lead') {
            throw new ApiError('INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id: ${request.leadId}`);
        }
        const lead = found.record;
        if (lead.IsConverted === true) {
            throw new ApiError('CANNOT_UPDATE_CONVERTED_LEAD', 'cannot reference converted lead');
        }
        const status = store.all('LeadStatus').find((row) => row.ApiName === request.convertedStatus);
        if (status?.IsConverted !== true) {
            throw new ApiError('INVALID_STATUS', `invalid convertedStatus: ${request.convertedStatus}`);
        }
        const target = (object: ConversionTarget): SObjectRecord => {
            const values: SObjectRecord = { OwnerId: lead.OwnerId };
            for (const mapping of STANDARD_CONVERSION_MAPPING.filter((item) => item.object === object)) {
                values[mapping.field] = lead[mapping.leadField] ?? null;
            }
            for (const objectMapping of settings.objectMapping) {
                if (objectMapping.inputObject === 'Lead' && objectMapping.outputObject === object) {
                    for (const field of objectMapping.mappingFields) {
                        values[field.outputField] = lead[store.field(found.object, field.inputField).name] ?? null;
                    }
                }
            }
            return values;
        };
        const accountId = store.insert('Account', target('Account'));
        created.push(accountId);
        const contactId = store.insert('Contact', { ...target('Contact'), AccountId: accountId });
        created.push(contactId);
        const memberships = store
            .all('CampaignMember')
            .filter((member) => member.LeadId === lead.Id)
            .sort((a, b) => String(a.CreatedDate).localeCompare(String(b.CreatedDate)));
        let opportunityId: string | undefined;
        if (!request.doNotCreateOpportunity) {
            opportunityId = store.insert('Opportunity', {
                ...target('Opportunity'),
                Name: request.opportunityName ?? lead.Company,
                StageName: store.field(store.object('Opportunity'), 'StageName').defaultValue,
                CloseDate: endOfQuarter(now),
                AccountId: accountId,
                CampaignId: memberships.at(-1)?.CampaignId ?? null
            });
            created.push(opportunityId);
        }
        for (const member of memberships) {
            member.ContactId = contactId;
        }
        store.markConverted(String(lead.Id), {
            IsConverted: true,
            Status: request.convertedStatus,
            ConvertedDate: now.toISOString().slice(0, 10),
            ConvertedAccountId: accountId,
            ConvertedContactId: contactId,
            ConvertedOpportunityId: opportunityId ?? null
        });
        const result: LeadConvertResult = { leadId: String(lead.Id), success: true, accountId, contactId, errors: [] };
        if (opportunityId) {
            result.opportunityId = opportunityId;
        }
        return result;
    } catch (error) {
        for (const id of created.reverse()) {
            if (store.find(id)) {
                store.delete(id);
            }
        }
        if (error instanceof ApiError) {
            return { leadId: request.leadId, success: false, errors: [error] };
        }
        throw error;
    }
}
