/**
 * Proves in an org that lead conversion carries Baton's data: creates a campaign and two test
 * leads (one a member of the campaign), converts them with convertLead and a converted status
 * read from the org, reads back Account, Contact and Opportunity and compares every mapped
 * field, the primary campaign, the opportunity stage Baton sets and the lead stage only Baton's
 * trigger sets. The test leads are unique to the run (see markers.ts), so duplicate rules — which
 * always block conversion when "Require Validation for Converted Leads" is on — find nothing; a
 * block is explained with the rule's name. Every record is recorded the moment the org reports it
 * and deleted at the end, whichever step fails, unless asked to keep them.
 */
import type { DescribeSObjectResult } from '@jsforce/jsforce-node';
import { compositeGet, subError } from '../lib/composite.ts';
import type { OrgConnection } from '../lib/connection.ts';
import { explainError, ScriptError } from '../lib/errors.ts';
import {
    ALLOW_DUPLICATES_HEADER,
    CONVERTED_STATUS_QUERY,
    convertedStatus,
    convertLeads,
    duplicateBlock,
    requireSoapSession
} from '../lib/leadConversion.ts';
import type { LeadConvertSettings } from '../lib/projectMetadata.ts';
import { preflight } from '../lib/preflight.ts';
import { batonTriggerRow, defaultStageNote } from './batonCheck.ts';
import { TestRecords } from './cleanup.ts';
import { compareSettings, type MappingDrift } from './drift.ts';
import { sameValue } from './markers.ts';
import { readOrgLeadConvertSettings } from './orgSettings.ts';
import { planConversion, type FieldCheck } from './plan.ts';

const TARGETS = ['Account', 'Contact', 'Opportunity'] as const;
type Target = (typeof TARGETS)[number];
/** Queue Ids start with the Group key prefix; records conversion creates must be owned by a user. */
const QUEUE_PREFIX = '00G';

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

type Row = Record<string, unknown>;

interface SaveError {
    statusCode?: string;
    errorCode?: string;
    message?: string;
    duplicateResult?: unknown;
}

const REQUIRE_VALIDATION =
    'With "Require Validation for Converted Leads" on, a duplicate rule blocks conversion whatever its action (Salesforce KB 000204497).';

/** A failed step, explained: a validation rule by its message, a duplicate rule by its name and matches. */
function explainSaveErrors(action: string, object: string, errors: SaveError[]): ScriptError {
    const code = (error: SaveError): string => error.statusCode ?? error.errorCode ?? '';
    const validation = errors.find((error) => code(error) === 'FIELD_CUSTOM_VALIDATION_EXCEPTION');
    if (validation) {
        return new ScriptError(
            `A validation rule on ${object} stopped ${action}: "${validation.message ?? ''}" (FIELD_CUSTOM_VALIDATION_EXCEPTION).`,
            `Find the rule with this message in Setup → Object Manager → ${object} → Validation Rules; let the check's records pass (e.g. bypass for your user) and run again.`
        );
    }
    const duplicate = errors
        .map((error) => duplicateBlock({ ...error, statusCode: code(error) }))
        .find((block) => block !== undefined);
    if (duplicate) {
        const matches = duplicate.matches.length > 0 ? `: it matches ${duplicate.matches.join(', ')}` : '';
        return new ScriptError(
            `The duplicate rule ${duplicate.rule} (${duplicate.entity}) stopped ${action}${matches} (DUPLICATES_DETECTED). ${REQUIRE_VALIDATION}`,
            `Open the matching record(s): if an earlier check left them, delete them; otherwise deactivate or narrow ${duplicate.rule} in Setup → Duplicate Rules while the check runs, and run again.`
        );
    }
    return new ScriptError(
        `${action} failed on ${object}: ${errors.map((error) => `${code(error)}: ${error.message ?? ''}`).join('; ')}`
    );
}

async function create(
    org: OrgConnection,
    object: 'Campaign' | 'Lead' | 'CampaignMember',
    records: Row[],
    created: TestRecords,
    action: string
): Promise<string[]> {
    let results: { id?: string; success: boolean; errors: SaveError[] }[];
    created.creating();
    try {
        results = await org.conn.sobject(object).create(records, { allOrNone: true, headers: ALLOW_DUPLICATES_HEADER });
    } catch (error) {
        const data = (error as { data?: unknown }).data;
        if (Array.isArray(data)) throw explainSaveErrors(action, object, data as SaveError[]);
        throw explainError(error, org.label, org.reauthenticate);
    }
    const failed = results.find((result) => !result.success);
    if (failed) {
        throw explainSaveErrors(action, object, failed.errors);
    }
    const ids = results.map((result) => String(result.id));
    created.add(object, ...ids);
    return ids;
}

const soqlIds = (ids: string[]): string => ids.map((id) => `'${id}'`).join(', ');

async function select(org: OrgConnection, object: string, fields: string[], ids: string[]): Promise<Map<string, Row>> {
    const soql = `SELECT ${[...new Set(['Id', ...fields])].join(', ')} FROM ${object} WHERE Id IN (${soqlIds(ids)})`;
    try {
        const result = await org.conn.query<Row>(soql);
        return new Map(result.records.map((record) => [String(record.Id).slice(0, 15), record]));
    } catch (error) {
        throw explainError(error, org.label, org.reauthenticate);
    }
}

/** Several selects by Id in one API call (Composite); each result keyed by 15-character Id. */
async function selectAll(
    org: OrgConnection,
    reads: Record<string, { object: string; fields: string[]; ids: string[] }>
): Promise<Record<string, Map<string, Row>>> {
    const urls = Object.fromEntries(
        Object.entries(reads).map(([name, read]) => [
            name,
            `query?q=${encodeURIComponent(`SELECT ${[...new Set(['Id', ...read.fields])].join(', ')} FROM ${read.object} WHERE Id IN (${soqlIds(read.ids)})`)}`
        ])
    );
    const responses = await compositeGet(org, urls);
    return Object.fromEntries(
        Object.keys(reads).map((name) => {
            const error = subError(responses[name]);
            if (error) throw explainError(error, org.label, org.reauthenticate);
            const records = (responses[name]?.body as { records: Row[] }).records;
            return [name, new Map(records.map((record) => [String(record.Id).slice(0, 15), record]))];
        })
    );
}

/** The default of the Opportunity stage picklist, which conversion gives a new opportunity. */
function defaultStage(describe: DescribeSObjectResult | undefined): string | undefined {
    const stage = describe?.fields.find((field) => field.name === 'StageName');
    return ((stage?.picklistValues ?? []) as { value: string; defaultValue: boolean }[]).find(
        (entry) => entry.defaultValue
    )?.value;
}

export interface VerifyOptions {
    projectSettings: LeadConvertSettings;
    keep: boolean;
    allowProduction: boolean;
    runId: string;
}

export async function runVerify(org: OrgConnection, options: VerifyOptions): Promise<VerifyRunResult> {
    requireSoapSession(org, 'calls (convertLead, the Metadata API)');
    const mapped = (object: string): string[] =>
        options.projectSettings.objectMapping
            .filter((mapping) => mapping.outputObject === object)
            .flatMap((mapping) => mapping.mappingFields.map((field) => field.outputField));
    const leadInputs = options.projectSettings.objectMapping.flatMap((mapping) =>
        mapping.mappingFields.map((field) => field.inputField)
    );
    const checks = await preflight(org, {
        requirements: [
            {
                object: 'Lead',
                fields: [...new Set([...leadInputs, 'Lifecycle_Stage__c'])],
                access: ['create', 'delete']
            },
            ...TARGETS.map((object) => ({
                object,
                fields: [...new Set(mapped(object))],
                access: ['create' as const, 'delete' as const]
            })),
            { object: 'Campaign', fields: [], access: ['create', 'delete'] },
            { object: 'CampaignMember', fields: [], access: ['create'] },
            {
                object: 'Lead_Handoff_Setting__mdt',
                fields: ['Converted_Opportunity_Stage__c', 'Automation_Enabled__c'],
                access: []
            }
        ],
        queries: {
            convertedStatus: CONVERTED_STATUS_QUERY,
            setting:
                "SELECT Converted_Opportunity_Stage__c, Automation_Enabled__c FROM Lead_Handoff_Setting__mdt WHERE DeveloperName = 'Default'"
        },
        allowProduction: options.allowProduction
    });
    const orgSettings = await readOrgLeadConvertSettings(org);
    const drift = compareSettings(options.projectSettings, orgSettings);
    const plan = planConversion(options.projectSettings, checks.describes, options.runId);
    const status = convertedStatus(checks.queries.convertedStatus, org.label);
    const setting = checks.queries.setting?.[0] ?? {};
    const stage = setting.Converted_Opportunity_Stage__c;
    const campaignName = `Baton conversion check ${options.runId}`;
    const created = new TestRecords({
        leadLastNames: plan.leads
            .map((lead) => lead.LastName)
            .filter((name): name is string => typeof name === 'string'),
        campaignName
    });
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
            [{ Name: campaignName }],
            created,
            'creating the test campaign'
        );
        const [withCampaign = '', withoutCampaign = ''] = await create(
            org,
            'Lead',
            plan.leads,
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
        const leadIds = [withCampaign, withoutCampaign];
        const leadFields = Object.keys(plan.leads[0] ?? {});
        const leads = await select(org, 'Lead', [...leadFields, 'OwnerId', 'CreatedById'], leadIds);
        const lead = leads.get(withCampaign.slice(0, 15)) ?? {};
        const runningUser = typeof lead.CreatedById === 'string' ? lead.CreatedById : undefined;
        const results = await convertLeads(
            org,
            leadIds.map((leadId) => {
                const owner = leads.get(leadId.slice(0, 15))?.OwnerId;
                const queueOwned = typeof owner === 'string' && owner.startsWith(QUEUE_PREFIX);
                return queueOwned && runningUser ? { leadId, ownerId: runningUser } : { leadId };
            }),
            status
        );
        for (const result of results) {
            created.add('Account', result.accountId);
            created.add('Contact', result.contactId);
            created.add('Opportunity', result.opportunityId);
        }
        const failed = results.find((result) => !result.success);
        if (failed) {
            throw explainSaveErrors(
                'converting the test lead',
                'Account, Contact or Opportunity (created by conversion)',
                failed.errors
            );
        }
        const converted = new Map(results.map((result) => [result.leadId.slice(0, 15), result]));
        const targetFields = (object: Target): string[] => [
            ...plan.checks.filter((check) => check.object === object).map((check) => check.field),
            ...(object === 'Opportunity' ? ['StageName', 'CampaignId'] : [])
        ];
        const idsOf = (key: 'accountId' | 'contactId' | 'opportunityId'): string[] =>
            results.map((result) => result[key]).filter((id): id is string => typeof id === 'string');
        const read = await selectAll(org, {
            Account: { object: 'Account', fields: targetFields('Account'), ids: idsOf('accountId') },
            Contact: { object: 'Contact', fields: targetFields('Contact'), ids: idsOf('contactId') },
            Opportunity: { object: 'Opportunity', fields: targetFields('Opportunity'), ids: idsOf('opportunityId') },
            Lead: { object: 'Lead', fields: ['Lifecycle_Stage__c'], ids: leadIds }
        });
        const recordFor = (leadId: string, object: Target): Row | undefined => {
            const result = converted.get(leadId.slice(0, 15));
            const id =
                object === 'Account'
                    ? result?.accountId
                    : object === 'Contact'
                      ? result?.contactId
                      : result?.opportunityId;
            return id ? read[object]?.get(id.slice(0, 15)) : undefined;
        };
        const typeOf = (check: FieldCheck): string =>
            checks.describes
                .get(check.object)
                ?.fields.find((item) => item.name.toLowerCase() === check.field.toLowerCase())?.type ?? 'string';
        for (const check of plan.checks) {
            const source = lead[check.leadField] ?? null;
            const actual = recordFor(withCampaign, check.object as Target)?.[check.field] ?? null;
            const marker = plan.leads[0]?.[check.leadField];
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
        const stageRow: VerifyRow = {
            field: 'Lead_Handoff_Setting.Default',
            source: stage ?? null,
            target: 'Opportunity.StageName',
            expected: stage ?? null,
            actual: opportunity?.StageName ?? null,
            ok: typeof stage === 'string' && sameValue(stage, opportunity?.StageName, 'picklist')
        };
        const note = defaultStageNote(stage, defaultStage(checks.describes.get('Opportunity')));
        if (note) stageRow.note = note;
        rows.push(stageRow);
        rows.push(
            await batonTriggerRow(
                org,
                read.Lead?.get(withCampaign.slice(0, 15))?.Lifecycle_Stage__c,
                setting.Automation_Enabled__c,
                runningUser
            )
        );
    } catch (error) {
        failure = error;
    }
    const outcome = options.keep ? { left: created.ids(), errors: [] } : await created.remove(org);
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
