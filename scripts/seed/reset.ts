/**
 * Removes exactly what seeding created: seeded team targets, seeded round-robin members, seeded SLA clocks (and clocks
 * Baton's automation opened on seeded leads), seeded leads, the accounts, contacts and opportunities
 * their conversions created, and seeded campaigns (campaign memberships go with their leads and
 * campaigns).
 * Records without the seed key are never touched. `planReset` only reads: it is the dry run.
 */
import type { OrgConnection } from '../lib/connection.ts';
import { queryAll } from '../lib/query.ts';
import { progressBar, type Output } from '../lib/output.ts';
import { preflight } from '../lib/preflight.ts';
import { SEED_KEY } from './plan.ts';
import type { ObjectSummary, SeedRunResult } from './run.ts';
import { writeRecords } from './writer.ts';

type SeededLead = {
    Id: string;
    ConvertedAccountId: string | null;
    ConvertedContactId: string | null;
    ConvertedOpportunityId: string | null;
};

/** One object's records to delete, in the order reset deletes them. */
export interface ResetStep {
    object: string;
    records: { Id: string }[];
}

/**
 * What reset would delete, by object, found with read-only queries (the dry run stops here).
 * Converted leads go before the records they point to; contacts and opportunities before their
 * accounts.
 */
export async function planReset(org: OrgConnection, options: { allowProduction: boolean }): Promise<ResetStep[]> {
    const checks = await preflight(org, {
        requirements: [
            { object: 'Lead', fields: [SEED_KEY], access: ['delete'] },
            { object: 'Campaign', fields: [SEED_KEY], access: ['delete'] },
            { object: 'Lead_SLA__c', fields: [SEED_KEY, 'Lead__c'], access: ['delete'] },
            { object: 'Lead_Routing_Member__c', fields: [SEED_KEY], access: ['delete'] },
            { object: 'Team_Target__c', fields: [SEED_KEY], access: ['delete'] }
        ],
        queries: {
            campaigns: `SELECT Id FROM Campaign WHERE ${SEED_KEY} != null`,
            members: `SELECT Id FROM Lead_Routing_Member__c WHERE ${SEED_KEY} != null`,
            targets: `SELECT Id FROM Team_Target__c WHERE ${SEED_KEY} != null`
        },
        allowProduction: options.allowProduction
    });
    const leads = await queryAll<SeededLead>(
        org,
        `SELECT Id, ConvertedAccountId, ConvertedContactId, ConvertedOpportunityId FROM Lead WHERE ${SEED_KEY} != null`
    );
    const clocks = await queryAll<{ Id: string }>(
        org,
        `SELECT Id FROM Lead_SLA__c WHERE ${SEED_KEY} != null OR Lead__r.${SEED_KEY} != null`
    );
    const ids = (values: (string | null)[]): { Id: string }[] =>
        [...new Set(values.filter((value): value is string => Boolean(value)))].map((Id) => ({ Id }));
    const rows = (name: string): { Id: string }[] => ids((checks.queries[name] ?? []).map((row) => String(row.Id)));
    return [
        { object: 'Team_Target__c', records: rows('targets') },
        { object: 'Lead_Routing_Member__c', records: rows('members') },
        { object: 'Lead_SLA__c', records: clocks },
        { object: 'Lead', records: ids(leads.map((lead) => lead.Id)) },
        { object: 'Opportunity', records: ids(leads.map((lead) => lead.ConvertedOpportunityId)) },
        { object: 'Contact', records: ids(leads.map((lead) => lead.ConvertedContactId)) },
        { object: 'Account', records: ids(leads.map((lead) => lead.ConvertedAccountId)) },
        { object: 'Campaign', records: rows('campaigns') }
    ];
}

export async function runReset(
    org: OrgConnection,
    options: { allowProduction: boolean; pollInterval: number },
    output: Output
): Promise<SeedRunResult> {
    const result: SeedRunResult = { objects: [], failures: [], notes: [], lockRetries: { rows: 0, calls: 0 } };
    for (const { object, records } of await planReset(org, options)) {
        const bar = progressBar(output, `Delete ${object}`, records.length);
        const written = await writeRecords(org, object, records, {
            operation: 'delete',
            keyField: 'Id',
            progress: (done) => {
                bar.update(done);
            },
            pollInterval: options.pollInterval
        });
        bar.finish();
        const summary: ObjectSummary = {
            object,
            written: written.written,
            skipped: 0,
            failed: written.failures.length
        };
        result.objects.push(summary);
        result.failures.push(...written.failures.map((failure) => ({ ...failure, object })));
        result.lockRetries.rows += written.lockRetries.rows;
        result.lockRetries.calls += written.lockRetries.calls;
    }
    return result;
}
