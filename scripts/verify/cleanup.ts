/**
 * The conversion check's test records: each is recorded the moment the org reports it, and all are
 * removed at the end. Cleanup also looks for what a lost answer may have hidden — the test leads
 * by their last names (unique to the run), the campaign by its name, and whatever conversion
 * created, from the leads' Converted…Id fields — so a failure at any step leaves nothing behind.
 */
import { compositeGet, subError } from '../lib/composite.ts';
import type { OrgConnection } from '../lib/connection.ts';
import { explainError } from '../lib/errors.ts';

/** Deletion order: converted leads (with their memberships), then what conversion created, then the campaign. */
const DELETE_ORDER = ['CampaignMember', 'Lead', 'Opportunity', 'Contact', 'Account', 'Campaign'] as const;
type TestObject = (typeof DELETE_ORDER)[number];

interface QueryBody {
    records: Record<string, unknown>[];
}

const quote = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export class TestRecords {
    /** Object and full Id of each record, by 15-character Id, in the order the org reported them. */
    private readonly byId = new Map<string, { object: TestObject; id: string }>();
    private attempted = false;
    private readonly leadLastNames: string[];
    private readonly campaignName: string;

    constructor(sweep: { leadLastNames: string[]; campaignName: string }) {
        this.leadLastNames = sweep.leadLastNames;
        this.campaignName = sweep.campaignName;
    }

    /** Call before sending a request that may create records. */
    creating(): void {
        this.attempted = true;
    }

    add(object: TestObject, ...ids: (string | null | undefined)[]): void {
        for (const id of ids) {
            if (id && !this.byId.has(id.slice(0, 15))) this.byId.set(id.slice(0, 15), { object, id });
        }
    }

    /** Every recorded Id, in the order the records were created (for --keep). */
    ids(): string[] {
        return [...this.byId.values()].map(({ id }) => id);
    }

    /** Deletes the test records; returns those left in the org and why. */
    async remove(org: OrgConnection): Promise<{ left: string[]; errors: string[] }> {
        if (!this.attempted) {
            return { left: [], errors: [] };
        }
        const errors: string[] = [];
        try {
            await this.sweep(org);
        } catch (error) {
            errors.push(`looking for unrecorded test records failed: ${explainError(error, org.label, '').message}`);
        }
        const ids = this.ordered();
        if (ids.length === 0) {
            return { left: [], errors };
        }
        try {
            const results = (await org.conn.sobject('Lead').destroy(ids, { allOrNone: false })) as {
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
                errors: [
                    ...errors,
                    ...failed.map(
                        ({ id, result }) => `${id}: ${result.errors.map((error) => error.message ?? '').join('; ')}`
                    )
                ]
            };
        } catch (error) {
            return { left: ids, errors: [...errors, explainError(error, org.label, org.reauthenticate).message] };
        }
    }

    private ordered(): string[] {
        return [...this.byId.values()]
            .sort((a, b) => DELETE_ORDER.indexOf(a.object) - DELETE_ORDER.indexOf(b.object))
            .map(({ id }) => id);
    }

    /** Finds test records whose creation was not reported (lost answers), in one API call. */
    private async sweep(org: OrgConnection): Promise<void> {
        const leadIds = [...this.byId.values()].filter(({ object }) => object === 'Lead').map(({ id }) => id);
        const leadFilter = [
            leadIds.length > 0 ? `Id IN (${leadIds.map(quote).join(', ')})` : '',
            this.leadLastNames.length > 0 ? `LastName IN (${this.leadLastNames.map(quote).join(', ')})` : ''
        ]
            .filter(Boolean)
            .join(' OR ');
        const queries: Record<string, string> = {
            campaigns: `SELECT Id FROM Campaign WHERE Name = ${quote(this.campaignName)}`
        };
        if (leadFilter) {
            queries.leads = `SELECT Id, ConvertedAccountId, ConvertedContactId, ConvertedOpportunityId FROM Lead WHERE ${leadFilter}`;
        }
        const responses = await compositeGet(
            org,
            Object.fromEntries(
                Object.entries(queries).map(([name, soql]) => [name, `query?q=${encodeURIComponent(soql)}`])
            )
        );
        for (const response of Object.values(responses)) {
            const error = subError(response);
            if (error) throw new Error(`${error.errorCode}: ${error.message}`);
        }
        for (const row of (responses.campaigns?.body as QueryBody | undefined)?.records ?? []) {
            this.add('Campaign', String(row.Id));
        }
        for (const row of (responses.leads?.body as QueryBody | undefined)?.records ?? []) {
            this.add('Lead', String(row.Id));
            this.add('Account', row.ConvertedAccountId as string | null);
            this.add('Contact', row.ConvertedContactId as string | null);
            this.add('Opportunity', row.ConvertedOpportunityId as string | null);
        }
    }
}
