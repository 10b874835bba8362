/**
 * Lead conversion in the org double: creates Account, Contact and (unless asked not to)
 * Opportunity from the lead with the platform's standard mapping and the org's
 * LeadConvertSettings mapping, links the lead's campaign memberships to the contact, sets the
 * opportunity's primary campaign to the lead's most recent campaign, and makes the lead
 * read-only. All or nothing per lead.
 *
 * With "Require Validation for Converted Leads" on, validation rules run on the records conversion
 * creates and a duplicate rule that finds a duplicate of the new account or contact always blocks
 * the conversion, whatever the rule's action and any DuplicateRuleHeader; with it off neither runs
 * (Salesforce KB 000204497). Records conversion creates must be owned by a user: a lead owned by a
 * queue converts only with an `ownerId` (SOAP API Developer Guide, "convertLead()", LeadConvert).
 * No Apex runs; `afterConvert` stands in for a package's trigger where a test needs one.
 */
import type { LeadConvertSettings } from '../lib/projectMetadata.ts';
import { STANDARD_CONVERSION_MAPPING, type ConversionTarget } from '../lib/standardConversionMapping.ts';
import { ApiError } from './apiError.ts';
import { idKey, type SObjectRecord, type Store } from './store.ts';

export interface LeadConvertRequest {
    leadId: string;
    convertedStatus: string;
    doNotCreateOpportunity: boolean;
    opportunityName?: string;
    ownerId?: string;
}

export interface LeadConvertResult {
    leadId: string;
    success: boolean;
    accountId?: string;
    contactId?: string;
    opportunityId?: string;
    errors: ApiError[];
}

export interface ConversionContext {
    settings: LeadConvertSettings;
    requireValidation: boolean;
    now: Date;
    /** Runs after a successful conversion, inside it (a failure undoes the conversion). */
    afterConvert?: (lead: SObjectRecord, opportunityId: string | undefined) => void;
}

function endOfQuarter(now: Date): string {
    const quarterEndMonth = Math.floor(now.getUTCMonth() / 3) * 3 + 3;
    return new Date(Date.UTC(now.getUTCFullYear(), quarterEndMonth, 0)).toISOString().slice(0, 10);
}

/** The owner of the records conversion creates: `ownerId` (a user), else the lead's owner if a user. */
function ownerOf(store: Store, lead: SObjectRecord, request: LeadConvertRequest): string {
    const owner = request.ownerId ?? String(lead.OwnerId);
    if (store.find(owner)?.object.name !== 'User') {
        throw new ApiError(
            'INVALID_CROSS_REFERENCE_KEY',
            'Converted objects can only be owned by users. If the lead is not owned by a user, you must specify a user for the Owner field.',
            { fields: ['OwnerId'] }
        );
    }
    return owner;
}

export function convertLead(store: Store, context: ConversionContext, request: LeadConvertRequest): LeadConvertResult {
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
        const ownerId = ownerOf(store, lead, request);
        const target = (object: ConversionTarget): SObjectRecord => {
            const values: SObjectRecord = { OwnerId: ownerId };
            for (const mapping of STANDARD_CONVERSION_MAPPING.filter((item) => item.object === object)) {
                values[mapping.field] = lead[mapping.leadField] ?? null;
            }
            for (const objectMapping of context.settings.objectMapping) {
                if (objectMapping.inputObject === 'Lead' && objectMapping.outputObject === object) {
                    for (const field of objectMapping.mappingFields) {
                        values[field.outputField] = lead[store.field(found.object, field.inputField).name] ?? null;
                    }
                }
            }
            return values;
        };
        const options = { allowDuplicates: true, runValidationRules: context.requireValidation };
        const create = (object: ConversionTarget, values: SObjectRecord): string => {
            const duplicate = context.requireValidation
                ? store.findDuplicates(object, values, new Set([idKey(String(lead.Id))]))
                : undefined;
            if (duplicate) {
                throw new ApiError('DUPLICATES_DETECTED', duplicate.rule.alertText, {
                    duplicateResult: { ...duplicate.result, allowSave: false }
                });
            }
            const id = store.insert(object, values, options);
            created.push(id);
            return id;
        };
        const accountId = create('Account', target('Account'));
        const contactId = create('Contact', { ...target('Contact'), AccountId: accountId });
        const memberships = store
            .all('CampaignMember')
            .filter((member) => member.LeadId === lead.Id)
            .sort((a, b) => String(a.CreatedDate).localeCompare(String(b.CreatedDate)));
        let opportunityId: string | undefined;
        if (!request.doNotCreateOpportunity) {
            opportunityId = create('Opportunity', {
                ...target('Opportunity'),
                Name: request.opportunityName ?? lead.Company,
                StageName: store.field(store.object('Opportunity'), 'StageName').defaultValue,
                CloseDate: endOfQuarter(context.now),
                AccountId: accountId,
                CampaignId: memberships.at(-1)?.CampaignId ?? null
            });
        }
        store.linkMembershipsToContact(String(lead.Id), contactId);
        store.markConverted(String(lead.Id), {
            IsConverted: true,
            Status: request.convertedStatus,
            ConvertedDate: context.now.toISOString().slice(0, 10),
            ConvertedAccountId: accountId,
            ConvertedContactId: contactId,
            ConvertedOpportunityId: opportunityId ?? null
        });
        context.afterConvert?.(lead, opportunityId);
        const result: LeadConvertResult = { leadId: String(lead.Id), success: true, accountId, contactId, errors: [] };
        if (opportunityId) {
            result.opportunityId = opportunityId;
        }
        return result;
    } catch (error) {
        if (error instanceof ApiError) {
            store.deleteMany(created.reverse().filter((id) => store.find(id)));
            return { leadId: request.leadId, success: false, errors: [error] };
        }
        throw error;
    }
}
