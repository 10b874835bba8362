/**
 * Seeds an org: campaigns, leads, campaign memberships and, with history, SLA clocks,
 * conversions (opportunities then moved to won / lost), the campaign responses of the converted
 * contacts, the team's targets and the round-robin members the MQLs were routed to (the org's
 * active users holding Baton_SDR, else the running user). Idempotent: upserts on the seed key,
 * inserts only memberships that do not exist yet and converts only leads not yet converted, so
 * a run that died halfway can simply be run again. A converted lead cannot be referenced any more
 * (CANNOT_UPDATE_CONVERTED_LEAD), so a rerun leaves the memberships and SLA clocks of converted
 * leads as they are.
 */
import type { OrgConnection } from '../lib/connection.ts';
import { explainError } from '../lib/errors.ts';
import {
    CONVERT_LIMIT,
    CONVERTED_STATUS_QUERY,
    convertedStatus,
    convertLeads,
    describeConversionErrors,
    requireSoapSession
} from '../lib/leadConversion.ts';
import { checkBypassPermission, type MetadataRequirement } from '../lib/orgChecks.ts';
import { progressBar, type Output } from '../lib/output.ts';
import { preflight } from '../lib/preflight.ts';
import { asText } from '../lib/text.ts';
import { fitPicklists } from './picklists.ts';
import { SEED_KEY, type SeedPlan, type SeedRecord } from './plan.ts';
import type { Rep } from './routing.ts';
import { writeRecords, type LockRetries, type WriteFailure, type WriteResult } from './writer.ts';
import { contactMembers } from './revenue.ts';

const RELATIONSHIP_FIELDS: Record<string, string> = { Lead__r: 'Lead__c', Lead: 'LeadId', Campaign: 'CampaignId' };

export interface SeedRunOptions {
    allowProduction: boolean;
    pollInterval: number;
}

export interface ObjectSummary {
    object: string;
    written: number;
    skipped: number;
    failed: number;
}

export interface SeedRunResult {
    objects: ObjectSummary[];
    failures: (WriteFailure & { object: string })[];
    /** Things the consultant should know (e.g. picklist values the org does not offer). */
    notes: string[];
    /** Rows Bulk API jobs could not lock, written again through collections. */
    lockRetries: LockRetries;
}

/** The fields each object needs in the org: every field the plan writes. */
export function requirementsFor(plan: SeedPlan): MetadataRequirement[] {
    const fields = (records: SeedRecord[]): string[] => {
        const names = new Set<string>();
        for (const record of records) {
            for (const name of Object.keys(record)) names.add(RELATIONSHIP_FIELDS[name] ?? name);
        }
        return [...names];
    };
    const requirements: MetadataRequirement[] = [
        { object: 'Campaign', fields: fields(plan.campaigns), access: ['create', 'update'] },
        { object: 'Lead', fields: fields(plan.leads), access: ['create', 'update'] },
        {
            object: 'CampaignMember',
            fields: fields([
                ...plan.members,
                ...plan.conversions.flatMap((conversion) => contactMembers(conversion.contactResponses, ''))
            ]),
            access: ['create']
        }
    ];
    if (plan.slas.length > 0) {
        requirements.push({ object: 'Lead_SLA__c', fields: fields(plan.slas), access: ['create', 'update'] });
    }
    if (plan.routingMembers.length > 0) {
        requirements.push({
            object: 'Lead_Routing_Member__c',
            fields: fields(plan.routingMembers),
            access: ['create', 'update']
        });
    }
    if (plan.conversions.length > 0) {
        requirements.push({ object: 'Opportunity', fields: ['StageName', 'Amount', 'CloseDate'], access: ['update'] });
    }
    if (plan.targets.length > 0) {
        requirements.push({ object: 'Team_Target__c', fields: fields(plan.targets), access: ['create', 'update'] });
    }
    return requirements;
}

/** Who runs the seed, and the reps its MQLs are routed to. */
export interface SeedPeople {
    userId: string;
    reps: Rep[];
}

/** The permission set whose active holders are the seed's reps. */
export const REP_PERMISSION_SET = 'Baton_SDR';

/** The running user, and the org's active users holding Baton_SDR (the running user alone when there are none). */
async function findPeople(org: OrgConnection): Promise<SeedPeople> {
    try {
        const me = await org.conn.soap.getUserInfo();
        const holders = await org.conn.query<{ AssigneeId: string; Assignee: { Name: string } | null }>(
            `SELECT AssigneeId, Assignee.Name FROM PermissionSetAssignment WHERE PermissionSet.Name = '${REP_PERMISSION_SET}' AND Assignee.IsActive = true ORDER BY AssigneeId`
        );
        const reps = new Map<string, Rep>();
        for (const holder of holders.records) {
            reps.set(holder.AssigneeId, { id: holder.AssigneeId, name: holder.Assignee?.Name ?? holder.AssigneeId });
        }
        return {
            userId: me.userId,
            reps: reps.size > 0 ? [...reps.values()] : [{ id: me.userId, name: me.userFullName }]
        };
    } catch (error) {
        throw explainError(error, org.label, org.reauthenticate);
    }
}

export async function runSeed(
    org: OrgConnection,
    buildPlan: (people: SeedPeople | undefined) => SeedPlan,
    history: boolean,
    options: SeedRunOptions,
    output: Output
): Promise<SeedRunResult> {
    if (history) {
        requireSoapSession(org, 'calls (getUserInfo, convertLead)');
    }
    const people = history ? await findPeople(org) : undefined;
    const userId = people?.userId;
    const plan = buildPlan(people);
    const checks = await preflight(org, {
        requirements: requirementsFor(plan),
        queries: {
            convertedLeads: `SELECT ${SEED_KEY}, ConvertedContactId FROM Lead WHERE IsConverted = true AND ${SEED_KEY} != null`,
            existingMembers: `SELECT ${SEED_KEY} FROM CampaignMember WHERE ${SEED_KEY} != null`,
            convertedStatus: CONVERTED_STATUS_QUERY
        },
        allowProduction: options.allowProduction
    });
    if (userId) {
        await checkBypassPermission(org, userId);
    }
    const notes = (
        [
            ['Campaign', plan.campaigns],
            ['Lead', plan.leads],
            ['CampaignMember', plan.members],
            ['Lead_SLA__c', plan.slas],
            ['Lead_Routing_Member__c', plan.routingMembers],
            ['Team_Target__c', plan.targets]
        ] as const
    )
        .flatMap(([object, records]) => fitPicklists(object, records, checks.describes.get(object)))
        .map(
            (item) =>
                `${item.records} × ${item.field} "${item.value}" is not a value in this org; written as ${item.replacement ?? 'blank'}`
        );
    const keys = (rows: Record<string, unknown>[] | undefined): Set<string> =>
        new Set((rows ?? []).map((row) => String(row[SEED_KEY]).toLowerCase()));
    const converted = keys(checks.queries.convertedLeads);
    /** Seed key of a converted lead → its contact. */
    const contacts = new Map(
        (checks.queries.convertedLeads ?? []).map((row) => [
            String(row[SEED_KEY]).toLowerCase(),
            String(row.ConvertedContactId)
        ])
    );
    const existingMembers = keys(checks.queries.existingMembers);
    const leadOf = (record: SeedRecord): string => {
        const lead = record.Lead ?? record.Lead__r;
        return (lead !== null && typeof lead === 'object' ? lead.Baton_Seed_Key__c : '').toLowerCase();
    };
    const summary: SeedRunResult = { objects: [], failures: [], notes, lockRetries: { rows: 0, calls: 0 } };
    const write = async (
        object: string,
        records: SeedRecord[],
        skipped: number,
        operation: 'upsert' | 'insert' | 'update',
        collectIds = false,
        label = object
    ): Promise<WriteResult> => {
        const bar = progressBar(output, label, records.length);
        const result = await writeRecords(org, object, records, {
            operation,
            keyField: operation === 'update' ? 'Id' : SEED_KEY,
            progress: (done) => {
                bar.update(done);
            },
            pollInterval: options.pollInterval,
            collectIds
        });
        bar.finish();
        summary.objects.push({ object: label, written: result.written, skipped, failed: result.failures.length });
        summary.failures.push(...result.failures.map((failure) => ({ ...failure, object: label })));
        summary.lockRetries.rows += result.lockRetries.rows;
        summary.lockRetries.calls += result.lockRetries.calls;
        return result;
    };

    await write('Campaign', plan.campaigns, 0, 'upsert');
    const pendingConversions = plan.conversions.filter(
        (conversion) => !converted.has(conversion.leadKey.toLowerCase())
    );
    const leads = plan.leads.filter((lead) => !converted.has(asText(lead[SEED_KEY]).toLowerCase()));
    const leadResult = await write(
        'Lead',
        leads,
        plan.leads.length - leads.length,
        'upsert',
        pendingConversions.length > 0
    );
    const members = plan.members.filter(
        (member) => !existingMembers.has(asText(member[SEED_KEY]).toLowerCase()) && !converted.has(leadOf(member))
    );
    await write('CampaignMember', members, plan.members.length - members.length, 'insert');
    if (plan.slas.length > 0) {
        const clocks = plan.slas.filter((clock) => !converted.has(leadOf(clock)));
        await write('Lead_SLA__c', clocks, plan.slas.length - clocks.length, 'upsert');
    }
    if (plan.routingMembers.length > 0) {
        await write('Lead_Routing_Member__c', plan.routingMembers, 0, 'upsert');
    }
    if (pendingConversions.length > 0) {
        const status = convertedStatus(checks.queries.convertedStatus, org.label);
        const opportunities = await convert(org, pendingConversions, leadResult.ids, status, output, summary, contacts);
        await write('Opportunity', opportunities, 0, 'update');
    }
    if (plan.conversions.length > 0) {
        const responses = plan.conversions.flatMap((conversion) => {
            const contactId = contacts.get(conversion.leadKey.toLowerCase());
            return contactId ? contactMembers(conversion.contactResponses, contactId) : [];
        });
        const pending = responses.filter((member) => !existingMembers.has(asText(member[SEED_KEY]).toLowerCase()));
        await write(
            'CampaignMember',
            pending,
            responses.length - pending.length,
            'insert',
            false,
            'CampaignMember (contacts)'
        );
    }
    if (plan.targets.length > 0) {
        await write('Team_Target__c', plan.targets, 0, 'upsert');
    }
    return summary;
}

async function convert(
    org: OrgConnection,
    conversions: SeedPlan['conversions'],
    leadIds: Map<string, string>,
    status: string,
    output: Output,
    summary: SeedRunResult,
    contacts: Map<string, string>
): Promise<SeedRecord[]> {
    const bar = progressBar(output, 'Lead conversion', conversions.length);
    const opportunities: SeedRecord[] = [];
    let done = 0;
    let failed = 0;
    for (let start = 0; start < conversions.length; start += CONVERT_LIMIT) {
        const batch = conversions
            .slice(start, start + CONVERT_LIMIT)
            .filter((conversion) => leadIds.has(conversion.leadKey));
        const results = await convertLeads(
            org,
            batch.map((conversion) => ({ leadId: leadIds.get(conversion.leadKey) ?? '' })),
            status
        );
        results.forEach((result, index) => {
            const conversion = batch[index];
            if (!conversion) return;
            if (result.success && result.opportunityId) {
                opportunities.push({ Id: result.opportunityId, ...conversion.opportunity });
                if (result.contactId) {
                    contacts.set(conversion.leadKey.toLowerCase(), result.contactId);
                }
            } else {
                failed++;
                summary.failures.push({
                    object: 'Lead conversion',
                    key: conversion.leadKey,
                    error: describeConversionErrors(result.errors)
                });
            }
        });
        done += batch.length;
        bar.update(done);
    }
    bar.finish();
    summary.objects.push({ object: 'Lead conversion', written: opportunities.length, skipped: 0, failed });
    return opportunities;
}
