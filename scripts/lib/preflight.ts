/**
 * One API call before a script works on an org: the Organization row, the describes of the
 * objects it touches and a few reads, through the Composite resource. Then the safety checks:
 * production refused unless allowed, Baton metadata present, object permissions held.
 */
import type { DescribeSObjectResult } from '@jsforce/jsforce-node';
import { compositeGet, subError } from './composite.ts';
import type { OrgConnection } from './connection.ts';
import { explainError, ScriptError } from './errors.ts';
import {
    checkMetadata,
    checkNotProduction,
    ORGANIZATION_QUERY,
    type MetadataRequirement,
    type OrganizationInfo
} from './orgChecks.ts';

export interface PreflightOptions {
    requirements: MetadataRequirement[];
    /** Reads to run along (name → SOQL); they run only after the metadata they need is confirmed. */
    queries: Record<string, string>;
    allowProduction: boolean;
}

export interface Preflight {
    organization: OrganizationInfo;
    describes: Map<string, DescribeSObjectResult | undefined>;
    queries: Record<string, Record<string, unknown>[]>;
}

interface QueryBody {
    records: Record<string, unknown>[];
    done: boolean;
    nextRecordsUrl?: string;
}

export async function preflight(org: OrgConnection, options: PreflightOptions): Promise<Preflight> {
    const urls: Record<string, string> = { organization: `query?q=${encodeURIComponent(ORGANIZATION_QUERY)}` };
    for (const requirement of options.requirements) {
        urls[`describe_${requirement.object}`] = `sobjects/${requirement.object}/describe`;
    }
    for (const [name, soql] of Object.entries(options.queries)) {
        urls[`query_${name}`] = `query?q=${encodeURIComponent(soql)}`;
    }
    const responses = await compositeGet(org, urls);
    const organizationError = subError(responses.organization);
    if (organizationError) {
        throw explainError(organizationError, org.label, org.reauthenticate);
    }
    const organization = (responses.organization?.body as QueryBody).records[0] as unknown as OrganizationInfo;
    checkNotProduction(organization, options.allowProduction, org.label);
    const describes = new Map<string, DescribeSObjectResult | undefined>();
    for (const requirement of options.requirements) {
        const response = responses[`describe_${requirement.object}`];
        const error = subError(response);
        if (error && error.errorCode !== 'NOT_FOUND') {
            throw explainError(error, org.label, org.reauthenticate);
        }
        describes.set(requirement.object, error ? undefined : (response?.body as DescribeSObjectResult));
    }
    checkMetadata(options.requirements, describes, org.label);
    const queries: Record<string, Record<string, unknown>[]> = {};
    for (const name of Object.keys(options.queries)) {
        const response = responses[`query_${name}`];
        const error = subError(response);
        if (error) {
            throw new ScriptError(`Reading ${name} from ${org.label} failed: ${error.errorCode}: ${error.message}`);
        }
        let body = response?.body as QueryBody;
        const records = [...body.records];
        try {
            while (!body.done && body.nextRecordsUrl) {
                body = await org.conn.queryMore(body.nextRecordsUrl);
                records.push(...body.records);
            }
        } catch (error) {
            throw explainError(error, org.label, org.reauthenticate);
        }
        queries[name] = records;
    }
    return { organization, describes, queries };
}
