/**
 * Bulk API 2.0 ingest jobs in the org double: create, upload CSV, close (processed at once),
 * job info, successful / failed / unprocessed results, delete. Operations: insert, update,
 * upsert (external id), delete. CSV columns `Relationship.ExternalId__c` resolve lookups; an empty
 * cell leaves a field unchanged and `#N/A` clears it, as on the platform.
 */
import { parseCsv, toCsv } from '../lib/csv.ts';
import { ApiError } from './apiError.ts';
import { json, type DoubleRequest, type DoubleResponse, type OrgState } from './http.ts';
import { formatDateTime } from './values.ts';
import type { SObjectRecord } from './store.ts';

const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

interface IngestJob {
    id: string;
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
            const job: IngestJob = {
                id: `750${String(this.nextJob++).padStart(12, '0')}AAA`,
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
        // Deletes are applied together at the end: one pass to clear lookups instead of one per row.
        const deletions: string[] = [];
        for (const row of rows) {
            try {
                const record = toRecord(row);
                let id: string;
                let created = false;
                if (job.operation === 'insert') {
                    id = state.store.insert(job.object, record);
                    created = true;
                } else if (job.operation === 'upsert') {
                    ({ id, created } = state.store.upsert(job.object, job.externalIdFieldName ?? 'Id', record));
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
