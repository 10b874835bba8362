/**
 * Writes records the cheapest way: sObject Collections (200 per call) for small sets, one Bulk
 * API 2.0 ingest job (CSV) for large ones. Upsert on the seed key, or insert / delete.
 *
 * Bulk API 2.0 processes a job in parallel internal batches, and saving a child locks its parent,
 * so children of one parent in different batches can fail with UNABLE_TO_LOCK_ROW (Bulk API 2.0
 * Developer Guide, "Organize Data to Minimize Lock Contention"). The writer sorts a job's rows by
 * parent, the parent with the fewest distinct values (most children each) first, and sends rows that
 * still fail for a lock again through sObject Collections, at most LOCK_RETRIES times, pausing the
 * poll interval before the first round and twice as long before each next one.
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
const LOCK_RETRIES = 3;
const LOCK_ERROR = 'UNABLE_TO_LOCK_ROW';

export interface WriteFailure {
    key: string;
    error: string;
}

/** Rows a bulk job could not lock, sent again through collections. */
export interface LockRetries {
    rows: number;
    calls: number;
}

export interface WriteResult {
    object: string;
    written: number;
    failures: WriteFailure[];
    /** Record Id by key, when asked for (`collectIds`). */
    ids: Map<string, string>;
    lockRetries: LockRetries;
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

/**
 * The records ordered by parent: by each lookup the records write, the one with the fewest distinct
 * parents first (those parents have the most children), so one parent's children sit together.
 */
export function orderByParent(records: SeedRecord[]): SeedRecord[] {
    const parentOf = (record: SeedRecord, field: string): string => {
        const value = record[field];
        return value !== null && typeof value === 'object' ? value.Baton_Seed_Key__c : '';
    };
    const lookups = [
        ...new Set(
            records.flatMap((record) =>
                Object.keys(record).filter((field) => {
                    const value = record[field];
                    return value !== null && typeof value === 'object';
                })
            )
        )
    ];
    const distinct = new Map(
        lookups.map((field) => [field, new Set(records.map((record) => parentOf(record, field))).size])
    );
    const order = [...lookups].sort((a, b) => (distinct.get(a) ?? 0) - (distinct.get(b) ?? 0));
    return [...records].sort((a, b) => {
        for (const field of order) {
            const compared = parentOf(a, field).localeCompare(parentOf(b, field));
            if (compared !== 0) return compared;
        }
        return 0;
    });
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
    await job.uploadData(recordsToCsv(orderByParent(records)));
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
    const result = { object, written: info.numberRecordsProcessed - failures.length, failures, ids };
    return retryLocked(org, object, operation, records, result, options);
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends rows the bulk job could not lock again through collections, with a doubling pause between rounds. */
async function retryLocked(
    org: OrgConnection,
    object: string,
    operation: IngestOperation,
    records: SeedRecord[],
    result: Omit<WriteResult, 'lockRetries'>,
    options: WriteOptions
): Promise<WriteResult> {
    const lockRetries: LockRetries = { rows: 0, calls: 0 };
    const keyOf = (record: SeedRecord): string => asText(record[options.keyField] ?? record.Id);
    let failures = result.failures;
    let written = result.written;
    for (
        let round = 0;
        round < LOCK_RETRIES && failures.some((failure) => failure.error.startsWith(LOCK_ERROR));
        round++
    ) {
        await pause(options.pollInterval * 2 ** round);
        const locked = new Set(
            failures.filter((failure) => failure.error.startsWith(LOCK_ERROR)).map((failure) => failure.key)
        );
        const again = records.filter((record) => locked.has(keyOf(record)));
        lockRetries.rows += again.length;
        lockRetries.calls += Math.ceil(again.length / COLLECTION_SIZE);
        const retried = await viaCollections(org, object, operation, options.keyField, again, () => undefined);
        failures = [...failures.filter((failure) => !locked.has(failure.key)), ...retried.failures];
        written += retried.written;
        for (const [key, id] of retried.ids) result.ids.set(key, id);
    }
    return { ...result, written, failures, lockRetries };
}

async function viaCollections(
    org: OrgConnection,
    object: string,
    operation: 'upsert' | 'insert' | 'delete' | 'update',
    keyField: string,
    records: SeedRecord[],
    progress: Progress
): Promise<Omit<WriteResult, 'lockRetries'>> {
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
    /** Milliseconds between bulk job status checks, and before the first resend of locked rows. */
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
        return { object, written: 0, failures: [], ids: new Map(), lockRetries: { rows: 0, calls: 0 } };
    }
    try {
        if (records.length > BULK_THRESHOLD && options.operation !== 'update') {
            return await viaBulk(org, object, options.operation, records, options);
        }
        const result = await viaCollections(
            org,
            object,
            options.operation,
            options.keyField,
            records,
            options.progress
        );
        return { ...result, lockRetries: { rows: 0, calls: 0 } };
    } catch (error) {
        throw explainError(error, org.label, org.reauthenticate);
    }
}
