/**
 * Writes records the cheapest way: sObject Collections (200 per call) for small sets, one Bulk
 * API 2.0 ingest job (CSV) for large ones. Upsert on the seed key, or insert / delete.
 */
type IngestOperation = 'insert' | 'upsert' | 'delete';
import { parseCsv, toCsv } from '../lib/csv.ts';
import type { OrgConnection } from '../lib/connection.ts';
import { explainError } from '../lib/errors.ts';
import { ALLOW_DUPLICATES_HEADER } from '../lib/leadConversion.ts';
import type { FieldValue, SeedRecord } from './plan.ts';
import { asText } from '../lib/text.ts';

/** Above this many records one bulk job (about 4 calls) is cheaper than collections (1 call per 200). */
export const BULK_THRESHOLD = 1000;
const COLLECTION_SIZE = 200;

export interface WriteFailure {
    key: string;
    error: string;
}

export interface WriteResult {
    object: string;
    written: number;
    failures: WriteFailure[];
    /** Record Id by key, when asked for (`collectIds`). */
    ids: Map<string, string>;
}

export type Progress = (done: number) => void;

interface SaveResult {
    id?: string | null;
    success: boolean;
    errors: ({ statusCode?: string; errorCode?: string; message: string } | string)[];
}

function describeErrors(errors: SaveResult['errors']): string {
    return errors
        .map((error) =>
            typeof error === 'string' ? error : `${error.statusCode ?? error.errorCode ?? ''}: ${error.message}`
        )
        .join('; ');
}

function csvValue(value: FieldValue): string {
    if (value === null) return '#N/A';
    if (typeof value === 'object') return value.Baton_Seed_Key__c;
    return String(value);
}

/** CSV with `Relationship.Baton_Seed_Key__c` columns for lookups by seed key. */
function recordsToCsv(records: SeedRecord[]): string {
    const columns = new Set<string>();
    for (const record of records) {
        for (const [name, value] of Object.entries(record)) {
            columns.add(value !== null && typeof value === 'object' ? `${name}.Baton_Seed_Key__c` : name);
        }
    }
    const rows = records.map((record) =>
        Object.fromEntries(
            Object.entries(record).map(([name, value]) => [
                value !== null && typeof value === 'object' ? `${name}.Baton_Seed_Key__c` : name,
                csvValue(value)
            ])
        )
    );
    return toCsv([...columns], rows);
}

async function viaBulk(
    org: OrgConnection,
    object: string,
    operation: IngestOperation,
    records: SeedRecord[],
    options: WriteOptions
): Promise<WriteResult> {
    const { keyField } = options;
    const job = org.conn.bulk2.createJob({
        object,
        operation,
        ...(operation === 'upsert' ? { externalIdFieldName: keyField } : {}),
        lineEnding: 'LF'
    });
    await job.open();
    await job.uploadData(recordsToCsv(records));
    await job.close();
    await job.poll(options.pollInterval, 30 * 60_000);
    const info = job.getInfo();
    const failures: WriteFailure[] = [];
    if (info.numberRecordsFailed > 0) {
        for (const row of parseCsv(await job.getFailedResults(true)).rows) {
            failures.push({ key: row[keyField] ?? row.Id ?? '', error: row.sf__Error ?? 'failed' });
        }
    }
    const ids = new Map<string, string>();
    if (options.collectIds) {
        for (const row of parseCsv(await job.getSuccessfulResults(true)).rows) {
            ids.set(row[keyField] ?? '', row.sf__Id ?? '');
        }
    }
    options.progress(records.length);
    return { object, written: info.numberRecordsProcessed - failures.length, failures, ids };
}

async function viaCollections(
    org: OrgConnection,
    object: string,
    operation: 'upsert' | 'insert' | 'delete' | 'update',
    keyField: string,
    records: SeedRecord[],
    progress: Progress
): Promise<WriteResult> {
    const failures: WriteFailure[] = [];
    const ids = new Map<string, string>();
    let written = 0;
    const sobject = org.conn.sobject(object);
    const options = { allOrNone: false, headers: ALLOW_DUPLICATES_HEADER };
    for (let start = 0; start < records.length; start += COLLECTION_SIZE) {
        const chunk = records.slice(start, start + COLLECTION_SIZE);
        let results: SaveResult[];
        if (operation === 'upsert') {
            results = await sobject.upsert(chunk, keyField, options);
        } else if (operation === 'insert') {
            results = await sobject.create(chunk, options);
        } else if (operation === 'update') {
            results = await sobject.update(chunk as never[], options);
        } else {
            results = await sobject.destroy(
                chunk.map((record) => asText(record.Id)),
                { allOrNone: false }
            );
        }
        results.forEach((result, index) => {
            if (result.success) {
                written++;
                const key = chunk[index]?.[keyField];
                if (typeof key === 'string' && result.id) {
                    ids.set(key, result.id);
                }
            } else {
                const record = chunk[index] ?? {};
                failures.push({
                    key: asText(record[keyField] ?? record.Id),
                    error: describeErrors(result.errors)
                });
            }
        });
        progress(start + chunk.length);
    }
    return { object, written, failures, ids };
}

export interface WriteOptions {
    operation: 'upsert' | 'insert' | 'delete' | 'update';
    keyField: string;
    progress: Progress;
    /** Milliseconds between bulk job status checks. */
    pollInterval: number;
    collectIds?: boolean;
}

export async function writeRecords(
    org: OrgConnection,
    object: string,
    records: SeedRecord[],
    options: WriteOptions
): Promise<WriteResult> {
    if (records.length === 0) {
        return { object, written: 0, failures: [], ids: new Map() };
    }
    try {
        if (records.length > BULK_THRESHOLD && options.operation !== 'update') {
            return await viaBulk(org, object, options.operation, records, options);
        }
        return await viaCollections(org, object, options.operation, options.keyField, records, options.progress);
    } catch (error) {
        throw explainError(error, org.label, org.reauthenticate);
    }
}
