/**
 * Proves in an org that lead conversion carries Baton's data: creates a campaign and two test
 * leads (one a member of the campaign), converts them with convertLead and a converted status
 * read from the org, reads back Account, Contact and Opportunity and compares every mapped
 * field, the primary campaign and the opportunity stage Baton sets. Deletes everything it
 * created, even when a step fails, unless asked to keep it.
 */
import type { OrgConnection } from '../lib/connection.ts';
import { explainError, ScriptError } from '../lib/errors.ts';
import {
    ALLOW_DUPLICATES_HEADER,
    CONVERTED_STATUS_QUERY,
    convertedStatus,
    convertLeads
} from '../lib/leadConversion.ts';
import type { LeadConvertSettings } from '../lib/projectMetadata.ts';
import { preflight } from '../lib/preflight.ts';
import { compareSettings, type MappingDrift } from './drift.ts';
import { sameValue } from './markers.ts';
import { readOrgLeadConvertSettings } from './orgSettings.ts';
import { planConversion, type FieldCheck } from './plan.ts';

const TARGETS = ['Account', 'Contact', 'Opportunity'] as const;

export interface VerifyRow {
    field: string;
    source: unknown;
    target: string;
    expected: unknown;
    actual: unknown;
    ok: boolean;
    note?: string;
}

export interface VerifyRunResult {
    drift: MappingDrift[];
    rows: VerifyRow[];
    /** Records left in the org (with --keep, or when cleanup failed). */
    left: string[];
    cleanupErrors: string[];
}

interface Created {
    id: string;
    object: string;
}

type Row = Record<string, unknown>;

function explainSaveErrors(
    action: string,
    object: string,
    errors: { statusCode?: string; errorCode?: string; message?: string }[]
): ScriptError {
    const validation = errors.find(
        (error) => (error.statusCode ?? error.errorCode) === 'FIELD_CUSTOM_VALIDATION_EXCEPTION'
    );
    if (validation) {
        return new ScriptError(
            `A validation rule on ${object} stopped ${action}: "${validation.message ?? ''}" (FIELD_CUSTOM_VALIDATION_EXCEPTION).`,
            `Find the rule with this message in Setup → Object Manager → ${object} → Validation Rules; let the check's records pass (e.g. bypass for your user) and run again.`
        );
    }
    return new ScriptError(
        `${action} failed on ${object}: ${errors.map((error) => `${error.statusCode ?? error.errorCode ?? ''}: ${error.message ?? ''}`).join('; ')}`
    );
}

async function create(
    org: OrgConnection,
    object: string,
    records: Row[],
    created: Created[],
    action: string
): Promise<string[]> {
    let results: {
        id?: string;
        success: boolean;
        errors: { statusCode?: string; errorCode?: string; message?: string }[];
    }[];
    try {
        results = await org.conn.sobject(object).create(records, { allOrNone: true, headers: ALLOW_DUPLICATES_HEADER });
    } catch (error) {
        const data = (error as { data?: unknown }).data;
        if (Array.isArray(data)) throw explainSaveErrors(action, object, data as never[]);
        throw explainError(error, org.label, org.reauthenticate);
    }
    const failed = results.find((result) => !result.success);
    if (failed) {
        throw explainSaveErrors(action, object, failed.errors);
    }
    const ids = results.map((result) => String(result.id));
    created.push(...ids.map((id) => ({ id, object })));
    return ids;
}

async function select(org: OrgConnection, object: string, fields: string[], ids: string[]): Promise<Map<string, Row>> {
    const soql = `SELECT ${[...new Set(['Id', ...fields])].join(', ')} FROM ${object} WHERE Id IN (${ids.map((id) => `'${id}'`).join(', ')})`;
    try {
        const result = await org.conn.query<Row>(soql);
        return new Map(result.records.map((record) => [String(record.Id).slice(0, 15), record]));
    } catch (error) {
        throw explainError(error, org.label, org.reauthenticate);
    }
}

async function cleanup(org: OrgConnection, created: Created[]): Promise<{ left: string[]; errors: string[] }> {
    // Converted leads first, then what conversion created (contacts and opportunities before
    // accounts), then the campaign; campaign memberships go with their lead.
    const order = ['Lead', 'Opportunity', 'Contact', 'Account', 'Campaign'];
    const ids = created
        .filter((item) => order.includes(item.object))
        .sort((a, b) => order.indexOf(a.object) - order.indexOf(b.object))
        .map((item) => item.id);
    if (ids.length === 0) {
        return { left: [], errors: [] };
    }
    try {
        const results = (await org.conn.sobject('Lead').destroy(ids, { allOrNone: false })) as {
            id?: string;
            success: boolean;
            errors: { statusCode?: string; message?: string }[];
        }[];
        const failed = results
            .map((result, index) => ({ result, id: ids[index] ?? '' }))
            .filter(
                ({ result }) =>
                    !result.success && !result.errors.some((error) => error.statusCode === 'ENTITY_IS_DELETED')
            );
        return {
            left: failed.map(({ id }) => id),
            errors: failed.map(
                ({ id, result }) => `${id}: ${result.errors.map((error) => error.message ?? '').join('; ')}`
            )
        };
    } catch (error) {
        return { left: ids, errors: [explainError(error, org.label, org.reauthenticate).message] };
    }
}

export interface VerifyOptions {
    projectSettings: LeadConvertSettings;
    keep: boolean;
    allowProduction: boolean;
    runId: string;
}

export async function runVerify(org: OrgConnection, options: VerifyOptions): Promise<VerifyRunResult> {
    const mapped = (object: string): string[] =>
        options.projectSettings.objectMapping
            .filter((mapping) => mapping.outputObject === object)
            .flatMap((mapping) => mapping.mappingFields.map((field) => field.outputField));
    const leadInputs = options.projectSettings.objectMapping.flatMap((mapping) =>
        mapping.mappingFields.map((field) => field.inputField)
    );
    const checks = await preflight(org, {
        requirements: [
            { object: 'Lead', fields: [...new Set(leadInputs)], access: ['create', 'delete'] },
            ...TARGETS.map((object) => ({
                object,
                fields: [...new Set(mapped(object))],
                access: ['create' as const, 'delete' as const]
            })),
            { object: 'Campaign', fields: [], access: ['create', 'delete'] },
            { object: 'CampaignMember', fields: [], access: ['create'] },
            { object: 'Lead_Handoff_Setting__mdt', fields: ['Converted_Opportunity_Stage__c'], access: [] }
        ],
        queries: {
            convertedStatus: CONVERTED_STATUS_QUERY,
            setting:
                "SELECT Converted_Opportunity_Stage__c FROM Lead_Handoff_Setting__mdt WHERE DeveloperName = 'Default'"
        },
        allowProduction: options.allowProduction
    });
    const orgSettings = await readOrgLeadConvertSettings(org);
    const drift = compareSettings(options.projectSettings, orgSettings);
    const plan = planConversion(options.projectSettings, checks.describes, options.runId);
    const status = convertedStatus(checks.queries.convertedStatus, org.label);
    const stage = checks.queries.setting?.[0]?.Converted_Opportunity_Stage__c;
    const created: Created[] = [];
    const rows: VerifyRow[] = plan.skipped.map(({ check, reason }) => ({
        field: `Lead.${check.leadField}`,
        source: null,
        target: `${check.object}.${check.field}`,
        expected: '(a marker)',
        actual: null,
        ok: false,
        note: reason
    }));
    let failure: unknown;
    try {
        const [campaignId = ''] = await create(
            org,
            'Campaign',
            [{ Name: `Baton conversion check ${options.runId}` }],
            created,
            'creating the test campaign'
        );
        const [withCampaign = '', withoutCampaign = ''] = await create(
            org,
            'Lead',
            [plan.lead, plan.lead],
            created,
            'creating the test leads'
        );
        await create(
            org,
            'CampaignMember',
            [{ CampaignId: campaignId, LeadId: withCampaign }],
            created,
            'adding the test lead to the campaign'
        );
        const leadFields = Object.keys(plan.lead);
        const leads = await select(org, 'Lead', leadFields, [withCampaign, withoutCampaign]);
        const results = await convertLeads(org, [withCampaign, withoutCampaign], status);
        const converted = new Map<string, { accountId: string; contactId: string; opportunityId: string }>();
        for (const result of results) {
            if (!result.success) {
                throw explainSaveErrors(
                    'converting the test lead',
                    'Account, Contact or Opportunity (created by conversion)',
                    result.errors
                );
            }
            converted.set(result.leadId.slice(0, 15), {
                accountId: String(result.accountId),
                contactId: String(result.contactId),
                opportunityId: String(result.opportunityId)
            });
            created.push(
                { id: String(result.accountId), object: 'Account' },
                { id: String(result.contactId), object: 'Contact' },
                ...(result.opportunityId ? [{ id: result.opportunityId, object: 'Opportunity' }] : [])
            );
        }
        const targetFields = (object: string): string[] => [
            ...plan.checks.filter((check) => check.object === object).map((check) => check.field),
            ...(object === 'Opportunity' ? ['StageName', 'CampaignId'] : [])
        ];
        const read = async (
            object: (typeof TARGETS)[number],
            key: 'accountId' | 'contactId' | 'opportunityId'
        ): Promise<Map<string, Row>> =>
            select(
                org,
                object,
                targetFields(object),
                [...converted.values()].map((ids) => ids[key])
            );
        const targets = {
            Account: await read('Account', 'accountId'),
            Contact: await read('Contact', 'contactId'),
            Opportunity: await read('Opportunity', 'opportunityId')
        };
        const recordFor = (leadId: string, object: (typeof TARGETS)[number]): Row | undefined => {
            const ids = converted.get(leadId.slice(0, 15));
            const id =
                object === 'Account' ? ids?.accountId : object === 'Contact' ? ids?.contactId : ids?.opportunityId;
            return id ? targets[object].get(id.slice(0, 15)) : undefined;
        };
        const lead = leads.get(withCampaign.slice(0, 15)) ?? {};
        const typeOf = (check: FieldCheck): string =>
            checks.describes
                .get(check.object)
                ?.fields.find((item) => item.name.toLowerCase() === check.field.toLowerCase())?.type ?? 'string';
        for (const check of plan.checks) {
            const source = lead[check.leadField] ?? null;
            const actual = recordFor(withCampaign, check.object as (typeof TARGETS)[number])?.[check.field] ?? null;
            const marker = plan.lead[check.leadField];
            const row: VerifyRow = {
                field: `Lead.${check.leadField}`,
                source,
                target: `${check.object}.${check.field}`,
                expected: source,
                actual,
                ok: sameValue(source, actual, typeOf(check))
            };
            if (!sameValue(marker, source, typeOf(check))) {
                row.note = `the org changed the lead's value on save (sent ${String(marker)})`;
            }
            if (source === null) {
                row.ok = false;
                row.note = 'the lead has no value to carry';
            }
            rows.push(row);
        }
        const opportunity = recordFor(withCampaign, 'Opportunity');
        const campaignRow = (field: string, expected: string | null, record: Row | undefined): VerifyRow => ({
            field,
            source: expected,
            target: 'Opportunity.CampaignId',
            expected,
            actual: record?.CampaignId ?? null,
            ok: sameValue(expected, record?.CampaignId, 'reference')
        });
        rows.push(campaignRow('primary campaign', campaignId, opportunity));
        rows.push(campaignRow('no campaign', null, recordFor(withoutCampaign, 'Opportunity')));
        rows.push({
            field: 'Lead_Handoff_Setting.Default',
            source: stage ?? null,
            target: 'Opportunity.StageName',
            expected: stage ?? null,
            actual: opportunity?.StageName ?? null,
            ok: typeof stage === 'string' && sameValue(stage, opportunity?.StageName, 'picklist')
        });
    } catch (error) {
        failure = error;
    }
    const outcome = options.keep ? { left: created.map((item) => item.id), errors: [] } : await cleanup(org, created);
    if (failure !== undefined) {
        throw withLeftovers(failure, outcome.left, options.keep);
    }
    return { drift, rows, left: outcome.left, cleanupErrors: outcome.errors };
}

/** The error of a failed step, saying which test records stayed in the org (kept, or cleanup failed too). */
function withLeftovers(failure: unknown, left: string[], keep: boolean): unknown {
    if (left.length === 0) {
        return failure;
    }
    const error =
        failure instanceof ScriptError
            ? failure
            : new ScriptError((failure as Error).message, undefined, { cause: failure });
    const why = keep ? 'kept (--keep)' : 'cleanup could not delete them';
    return new ScriptError(`${error.message} Test records left in the org, ${why}: ${left.join(', ')}.`, error.hint, {
        cause: failure
    });
}
