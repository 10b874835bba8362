/**
 * Bulk API 2.0 ingest jobs in the org double: create, upload CSV, close (processed at once),
 * job info, successful / failed / unprocessed results, delete. Operations: insert, update,
 * upsert (external id), delete. CSV columns `Relationship.ExternalId__c` resolve lookups; an empty
 * cell leaves a field unchanged and `#N/A` clears it, as on the platform.
 *
 * Bulk API 2.0 has no duplicate rule header; the double lets rules whose action is Allow save
 * (as an alert has no one to show it to) and applies Block rules. Not confirmed in an org.
 */
import { seededRandom } from '../lib/random.ts';
import { parseCsv, toCsv } from '../lib/csv.ts';
import { ApiError } from './apiError.ts';
import { json, type DoubleRequest, type DoubleResponse, type OrgState } from './http.ts';
import type { SchemaObject } from './schema.ts';
import { formatDateTime } from './values.ts';
import type { SObjectRecord } from './store.ts';

const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/**
 * Salesforce splits an ingest job's data into internal batches of 10,000 records and processes
 * them in parallel (Bulk API 2.0 Developer Guide, "Understanding Bulk API 2.0 Ingest").
 */
export const INTERNAL_BATCH_SIZE = 10_000;

/**
 * Row lock contention to simulate. Saving a child locks its parent, so children of one parent in
 * different internal batches contend and some fail with UNABLE_TO_LOCK_ROW (Bulk API 2.0 Developer
 * Guide, "Organize Data to Minimize Lock Contention"). The double processes rows one after another,
 * so it draws the failures: a row whose parent (any lookup it writes) also appears in another
 * internal batch fails with probability `rate`, from a generator seeded with `seed` and the job's
 * number, so a run is reproducible. `batchSize` overrides 10,000 for small tests.
 */
export interface RowLockSimulation {
    seed: number;
    rate: number;
    batchSize?: number;
}

/** The parents each row writes a lookup to: `Relationship.Key__c=value` or the lookup's Id. */
function parentsOf(object: SchemaObject, columns: string[], row: Record<string, string>): string[] {
    return columns
        .filter((column) => row[column] !== '' && row[column] !== '#N/A')
        .filter((column) => column.includes('.') || object.fields.get(column.toLowerCase())?.type === 'reference')
        .map((column) => (column.includes('.') ? `${column}=${row[column] ?? ''}` : (row[column] ?? '')));
}

/** For each row, the parent it would fail to lock, if the simulation says it does. */
function lockFailures(
    object: SchemaObject,
    columns: string[],
    rows: Record<string, string>[],
    simulation: RowLockSimulation,
    jobNumber: number
): (string | undefined)[] {
    const batchSize = simulation.batchSize ?? INTERNAL_BATCH_SIZE;
    const parents = rows.map((row) => parentsOf(object, columns, row));
    const batchesOf = new Map<string, Set<number>>();
    parents.forEach((list, index) => {
        for (const parent of list) {
            const batches = batchesOf.get(parent) ?? new Set<number>();
            batches.add(Math.floor(index / batchSize));
            batchesOf.set(parent, batches);
        }
    });
    const draw = seededRandom(simulation.seed + jobNumber);
    return parents.map((list) => {
        const contended = list.find((parent) => (batchesOf.get(parent)?.size ?? 0) > 1);
        return contended !== undefined && draw() < simulation.rate ? contended : undefined;
    });
}

interface IngestJob {
    id: string;
    number: number;
    object: string;
    operation: 'insert' | 'update' | 'upsert' | 'delete';
    externalIdFieldName?: string;
    state: 'Open' | 'UploadComplete' | 'JobComplete' | 'Aborted' | 'Failed';
    csv: string;
    lineEnding: 'LF' | 'CRLF';
    createdDate: string;
    successful: Record<string, string>[];
    failed: Record<string, string>[];
    columns: string[];
}

export class BulkIngest {
    private readonly jobs = new Map<string, IngestJob>();
    private nextJob = 1;

    handle(state: OrgState, request: DoubleRequest): DoubleResponse {
        try {
            return this.route(state, request);
        } catch (error) {
            if (error instanceof ApiError) {
                return json(error.status, [error.toJson()]);
            }
            throw error;
        }
    }

    private route(state: OrgState, request: DoubleRequest): DoubleResponse {
        const [, , id, resource] = request.path.split('/').filter(Boolean);
        if (!id && request.method === 'POST') {
            const body = JSON.parse(request.body) as Partial<IngestJob> & { contentType?: string; lineEnding?: string };
            const object = state.store.object(String(body.object));
            if (!body.operation || !['insert', 'update', 'upsert', 'delete'].includes(body.operation)) {
                throw new ApiError('INVALIDJOB', `InvalidJob : Invalid operation: ${String(body.operation)}`);
            }
            if (body.operation === 'upsert' && !body.externalIdFieldName) {
                throw new ApiError('INVALIDJOB', 'InvalidJob : External ID was blank for upsert');
            }
            const number = this.nextJob++;
            const job: IngestJob = {
                id: `750${String(number).padStart(12, '0')}AAA`,
                number,
                object: object.name,
                operation: body.operation,
                state: 'Open',
                csv: '',
                lineEnding: body.lineEnding === 'CRLF' ? 'CRLF' : 'LF',
                createdDate: formatDateTime(state.now()),
                successful: [],
                failed: [],
                columns: []
            };
            if (body.externalIdFieldName) {
                job.externalIdFieldName = body.externalIdFieldName;
            }
            this.jobs.set(job.id, job);
            return json(200, {
                ...this.info(state, job),
                contentUrl: `services/data/v${state.apiVersion}/jobs/ingest/${job.id}/batches`
            });
        }
        const job = id ? this.jobs.get(id) : undefined;
        if (!job) {
            throw new ApiError('NOT_FOUND', `Job not found: ${String(id)}`, { status: 404 });
        }
        if (resource === 'batches' && request.method === 'PUT') {
            if (job.state !== 'Open') {
                throw new ApiError('INVALIDJOBSTATE', `Job ${job.id} is not open for upload`, { status: 409 });
            }
            if (Buffer.byteLength(request.body) > MAX_UPLOAD_BYTES) {
                throw new ApiError('INVALIDBATCH', 'The upload exceeds 100 MB', { status: 413 });
            }
            job.csv += request.body;
            return { status: 201 };
        }
        if (!resource && request.method === 'PATCH') {
            const { state: wanted } = JSON.parse(request.body) as { state: string };
            if (wanted === 'Aborted') {
                job.state = 'Aborted';
            } else if (wanted === 'UploadComplete' && job.state === 'Open') {
                this.process(state, job);
                return json(200, { ...this.info(state, job), state: 'UploadComplete' });
            } else {
                throw new ApiError('INVALIDJOBSTATE', `Cannot move job from ${job.state} to ${wanted}`, {
                    status: 409
                });
            }
            return json(200, this.info(state, job));
        }
        if (!resource && request.method === 'GET') {
            return json(200, this.info(state, job));
        }
        if (!resource && request.method === 'DELETE') {
            this.jobs.delete(job.id);
            return { status: 204 };
        }
        if (request.method === 'GET' && resource === 'successfulResults') {
            return {
                status: 200,
                contentType: 'text/csv',
                text: toCsv(['sf__Id', 'sf__Created', ...job.columns], job.successful)
            };
        }
        if (request.method === 'GET' && resource === 'failedResults') {
            return {
                status: 200,
                contentType: 'text/csv',
                text: toCsv(['sf__Id', 'sf__Error', ...job.columns], job.failed)
            };
        }
        if (request.method === 'GET' && resource === 'unprocessedrecords') {
            return { status: 200, contentType: 'text/csv', text: toCsv(job.columns, []) };
        }
        throw new ApiError('NOT_FOUND', `The org double does not serve ${request.method} ${request.path}`, {
            status: 404
        });
    }

    /** A job as "Get Information About an Ingest Job" (Bulk API 2.0 Developer Guide) describes it. */
    private info(state: OrgState, job: IngestJob): Record<string, unknown> {
        return {
            id: job.id,
            operation: job.operation,
            object: job.object,
            createdById: state.store.currentUserId,
            createdDate: job.createdDate,
            systemModstamp: job.createdDate,
            state: job.state,
            externalIdFieldName: job.externalIdFieldName,
            concurrencyMode: 'Parallel',
            contentType: 'CSV',
            // The guide's table says string; its examples, and the platform, send a JSON number.
            apiVersion: Number(state.apiVersion),
            jobType: 'V2Ingest',
            lineEnding: job.lineEnding,
            columnDelimiter: 'COMMA',
            numberRecordsProcessed: job.successful.length + job.failed.length,
            numberRecordsFailed: job.failed.length,
            retries: 0,
            totalProcessingTime: 0,
            apiActiveProcessingTime: 0,
            apexProcessingTime: 0
        };
    }

    private process(state: OrgState, job: IngestJob): void {
        const { columns, rows } = parseCsv(job.csv);
        job.columns = columns;
        const object = state.store.object(job.object);
        const locked = state.rowLocks
            ? lockFailures(object, columns, rows, state.rowLocks, job.number)
            : rows.map(() => undefined);
        const options = { allowDuplicates: true };
        // Deletes are applied together at the end: one pass to clear lookups instead of one per row.
        const deletions: string[] = [];
        for (const [index, row] of rows.entries()) {
            try {
                const parent = locked[index];
                if (parent !== undefined) {
                    throw new ApiError(
                        'UNABLE_TO_LOCK_ROW',
                        `unable to obtain exclusive access to this record or 1 records: ${parent}`
                    );
                }
                const record = toRecord(row);
                let id: string;
                let created = false;
                if (job.operation === 'insert') {
                    id = state.store.insert(job.object, record, options);
                    created = true;
                } else if (job.operation === 'upsert') {
                    ({ id, created } = state.store.upsert(
                        job.object,
                        job.externalIdFieldName ?? 'Id',
                        record,
                        options
                    ));
                } else if (job.operation === 'update') {
                    id = String(record.Id);
                    state.store.update(job.object, id, record);
                } else {
                    id = String(record.Id);
                    if (!state.store.find(id)) {
                        throw new ApiError('ENTITY_IS_DELETED', `entity is deleted or does not exist: ${id}`);
                    }
                    deletions.push(id);
                }
                job.successful.push({ ...row, sf__Id: id, sf__Created: String(created) });
            } catch (error) {
                if (!(error instanceof ApiError)) {
                    throw error;
                }
                const fields = error.fields.length > 0 ? error.fields.join(', ') : '';
                job.failed.push({ ...row, sf__Id: '', sf__Error: `${error.errorCode}:${error.message}:${fields}` });
            }
        }
        state.store.deleteMany(deletions.filter((id) => state.store.find(id)));
        job.state = 'JobComplete';
    }
}

/** A CSV row as a record: empty cells are skipped, `#N/A` is null, `Rel.Key__c` becomes `{ Rel: { Key__c } }`. */
function toRecord(row: Record<string, string>): SObjectRecord {
    const record: SObjectRecord = {};
    for (const [column, value] of Object.entries(row)) {
        if (value === '') {
            continue;
        }
        const [relationship, key] = column.split('.');
        if (key !== undefined && relationship) {
            record[relationship] = { [key]: value };
        } else {
            record[column] = value === '#N/A' ? null : value;
        }
    }
    return record;
}
