/**
 * What deploying `force-app` would change in Baton's configuration in the org. Baton's criteria, SLA
 * policies and settings are custom metadata records shipped in `force-app/main/default/customMetadata`,
 * and admins edit them in Setup (queues, thresholds, business hours). Deploying a record replaces the
 * org's record of the same name with the file's values; records only the org has are left alone (a
 * deploy removes nothing without destructive changes). So a value edited in Setup and not copied into
 * the project is silently undone by the next deploy, unless the plan shows it first: each project
 * record's values against the org's, read with SOQL (custom metadata types are queryable) after a
 * describe, which says whether Baton is deployed yet and which fields the org's version has.
 */
import { readCustomMetadataRecords, type CustomMetadataRecord } from '../lib/projectMetadata.ts';
import { failure, query, type OrgCalls } from './orgCalls.ts';

export interface ConfigChange {
    /** `Lead_Handoff_Setting.Default`, as Setup and `--metadata CustomMetadata:` name the record. */
    record: string;
    /** A field API name, or `Label`. */
    field: string;
    org: string;
    project: string;
}

export interface ConfigComparison {
    changes: ConfigChange[];
    /** Records the project's files would replace, in `--metadata` form, for the hint to copy them first. */
    changedRecords: string[];
}

interface DescribeField {
    name: string;
    type: string;
}

/** A value as `sf data query --json` gives it. */
type OrgValue = string | number | boolean | null | undefined;

type OrgRow = Record<string, OrgValue> & { DeveloperName: string; MasterLabel: string };

const NUMBER_TYPES = new Set(['double', 'int', 'percent', 'currency', 'long']);

/** `Lead_Handoff_Setting__mdt` + `Default` → `Lead_Handoff_Setting.Default`. */
const recordName = (type: string, developerName: string): string => `${type.replace(/__mdt$/, '')}.${developerName}`;

const shown = (value: OrgValue): string =>
    value === null || value === undefined || value === '' ? '(blank)' : String(value);

/** Whether the org's value and the file's are the same value of a field of this describe type. */
function sameValue(type: string, org: OrgValue, project: string | null): boolean {
    if (type === 'boolean') {
        return (org === true) === (project === 'true');
    }
    if (NUMBER_TYPES.has(type)) {
        return org === null || org === undefined || project === null
            ? (org === null || org === undefined) && project === null
            : Number(org) === Number(project);
    }
    const orgText = typeof org === 'string' ? org.trim() : '';
    return orgText === (project ?? '').trim();
}

/** The org's fields of a type, or undefined when the type is not in the org (Baton not deployed yet). */
async function describe(org: OrgCalls, type: string): Promise<DescribeField[] | undefined> {
    const output = await org.sf(['sobject', 'describe', '--sobject', type, '--target-org', org.targetOrg]);
    if (output.status === 0 && output.result !== undefined) {
        return (output.result as { fields: DescribeField[] }).fields;
    }
    // The REST describe of a type the org lacks answers 404 NOT_FOUND.
    if (output.name === 'NOT_FOUND' || /requested resource does not exist/i.test(output.message ?? '')) {
        return undefined;
    }
    throw failure(org, output, `Describing ${type}`);
}

export async function compareConfigRecords(org: OrgCalls, projectDir: string): Promise<ConfigComparison> {
    const byType = new Map<string, CustomMetadataRecord[]>();
    for (const record of await readCustomMetadataRecords(projectDir)) {
        byType.set(record.type, [...(byType.get(record.type) ?? []), record]);
    }
    const changes: ConfigChange[] = [];
    for (const [type, records] of [...byType].sort(([a], [b]) => a.localeCompare(b))) {
        const fields = await describe(org, type);
        if (!fields) {
            continue;
        }
        const typeOf = new Map(fields.map(({ name, type: fieldType }) => [name, fieldType]));
        // Fields the org's version lacks are new with this deploy: nothing of the org's to lose there.
        const compared = [...new Set(records.flatMap(({ values }) => Object.keys(values)))]
            .filter((field) => typeOf.has(field))
            .sort();
        const rows = await query<OrgRow>(
            org,
            `SELECT ${['DeveloperName', 'MasterLabel', ...compared].join(', ')} FROM ${type}`,
            `Reading the org's ${type} records`
        );
        for (const record of records.sort((a, b) => a.developerName.localeCompare(b.developerName))) {
            const row = rows.find(({ DeveloperName }) => DeveloperName === record.developerName);
            if (!row) {
                continue; // a new record: the deploy adds it
            }
            const name = recordName(type, record.developerName);
            if (row.MasterLabel !== record.label) {
                changes.push({
                    record: name,
                    field: 'Label',
                    org: shown(row.MasterLabel),
                    project: shown(record.label)
                });
            }
            for (const field of compared.filter((candidate) => candidate in record.values)) {
                const project = record.values[field] ?? null;
                if (!sameValue(typeOf.get(field) ?? 'string', row[field], project)) {
                    changes.push({ record: name, field, org: shown(row[field]), project: shown(project) });
                }
            }
        }
    }
    return {
        changes,
        changedRecords: [...new Set(changes.map(({ record }) => `CustomMetadata:${record}`))]
    };
}
