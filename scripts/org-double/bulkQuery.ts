/**
 * Bulk API 2.0 query jobs in the org double (Bulk API 2.0 and Bulk API Developer Guide, "Bulk API 2.0
 * Query"): create a job (POST jobs/query, operation query or queryAll), get its information (GET
 * jobs/query/<id>), get its results in sets (GET jobs/query/<id>/results with `locator` and
 * `maxRecords`; headers Sforce-NumberOfRecords and Sforce-Locator, "null" after the last set), abort
 * (PATCH state Aborted) and delete it.
 *
 * The double runs the query when the job is created, so the job is complete at once; its results are
 * the matching rows, written as CSV when a set is read (so a record changed between two reads shows
 * its new values, where the platform's results are fixed when the job completes).
 */
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { ApiError } from './apiError.ts';
import { json, type DoubleRequest, type DoubleResponse, type OrgState } from './http.ts';
import type { Query, Selection } from './soql.ts';
import type { SObjectRecord } from './store.ts';
import { formatDateTime, javaDoubleText } from './values.ts';
import { relationshipField, type SchemaObject } from './schema.ts';
import type { FieldDefinition } from '../lib/projectMetadata.ts';
import { asText } from '../lib/text.ts';

/**
 * The records of one set when the request names no `maxRecords` ("the server uses a default value
 * based on the service", Get Results for a Query Job). 250,000 is what a 5.5-million-record export
 * was observed to get per set (forcedotcom/cli issue 3138); the platform also bounds a set by size.
 */
const DEFAULT_SET_SIZE = 250_000;

/** Rows written to the CSV of a set between two chunks of the response. */
const ROWS_PER_CHUNK = 2000;

/** Create a Query Job: columnDelimiter values and the characters they stand for. */
const DELIMITERS: Readonly<Record<string, string>> = {
    BACKQUOTE: '`',
    CARET: '^',
    COMMA: ',',
    PIPE: '|',
    SEMICOLON: ';',
    TAB: '\t'
};

interface QueryJob {
    id: string;
    operation: 'query' | 'queryAll';
    object: string;
    state: 'UploadComplete' | 'JobComplete' | 'Aborted';
    createdDate: string;
    /** The API version the job was created with; its results must be read with the same one. */
    apiVersion: string;
    lineEnding: 'LF' | 'CRLF';
    columnDelimiter: string;
    selection: Selection;
}

interface CreateQueryJob {
    operation?: unknown;
    query?: unknown;
    contentType?: unknown;
    columnDelimiter?: unknown;
    lineEnding?: unknown;
}

/** A query job's SOQL must not use what Bulk API 2.0 query refuses (Create a Query Job, the note). */
function refuseUnsupported(query: Query): void {
    const unsupported = (what: string): ApiError => new ApiError('API_ERROR', `${what} not supported in Bulk Query`);
    for (const field of query.fields ?? []) {
        if (field.type === 'FieldSubquery') {
            // The message the platform gives for a parent-to-child subquery (Data Loader's Bulk API 2.0 client checks for it).
            throw unsupported('Aggregate Relationships');
        }
        if (field.type === 'FieldFunctionExpression') {
            throw unsupported(`Aggregate function ${field.functionName}()`);
        }
        if (field.type === 'FieldTypeof') {
            throw unsupported('TYPEOF');
        }
    }
    if (query.groupBy !== undefined) {
        throw unsupported('GROUP BY');
    }
    if (query.offset !== undefined) {
        throw unsupported('OFFSET');
    }
}

/** RFC 4180 quoting, every value quoted as the results show them ("Id","Name" in the guide's example). */
function quoted(text: string): string {
    return `"${text.replaceAll('"', '""')}"`;
}

export class BulkQuery {
    private readonly jobs = new Map<string, QueryJob>();
    private nextJob = 1;

    handle(state: OrgState, request: DoubleRequest): DoubleResponse {
        try {
            return this.route(state, request);
        } catch (error) {
            if (error instanceof ApiError) {
                return json(error.status, [{ errorCode: error.errorCode, message: error.message }]);
            }
            throw error;
        }
    }

    private route(state: OrgState, request: DoubleRequest): DoubleResponse {
        const [, , id, resource] = request.path.split('/').filter(Boolean);
        if (!id && request.method === 'POST') {
            return this.create(state, request);
        }
        const job = id ? this.jobs.get(id) : undefined;
        if (!job) {
            throw new ApiError('NOT_FOUND', 'The requested resource does not exist', { status: 404 });
        }
        if (!resource && request.method === 'GET') {
            return json(200, this.info(state, job));
        }
        if (!resource && request.method === 'PATCH') {
            const { state: wanted } = JSON.parse(request.body || '{}') as { state?: string };
            if (wanted !== 'Aborted' || job.state === 'JobComplete') {
                throw new ApiError('INVALIDJOBSTATE', `Cannot move job from ${job.state} to ${String(wanted)}`, {
                    status: 409
                });
            }
            job.state = 'Aborted';
            return json(200, this.info(state, job));
        }
        if (!resource && request.method === 'DELETE') {
            this.jobs.delete(job.id);
            return { status: 204 };
        }
        if (resource === 'results' && request.method === 'GET') {
            return this.results(state, job, request);
        }
        throw new ApiError('NOT_FOUND', `The org double does not serve ${request.method} ${request.path}`, {
            status: 404
        });
    }

    private create(state: OrgState, request: DoubleRequest): DoubleResponse {
        let body: CreateQueryJob;
        try {
            body = JSON.parse(request.body) as CreateQueryJob;
        } catch {
            throw new ApiError('API_ERROR', 'Invalid JSON in the request body');
        }
        if (body.operation !== 'query' && body.operation !== 'queryAll') {
            throw new ApiError('API_ERROR', `Invalid operation: ${String(body.operation)} (query or queryAll)`);
        }
        if (typeof body.query !== 'string' || body.query.trim() === '') {
            throw new ApiError('API_ERROR', 'query is required');
        }
        if (body.contentType !== undefined && body.contentType !== 'CSV') {
            throw new ApiError('API_ERROR', `Invalid contentType: ${JSON.stringify(body.contentType)} (only CSV)`);
        }
        const delimiter = body.columnDelimiter ?? 'COMMA';
        if (typeof delimiter !== 'string' || !(delimiter in DELIMITERS)) {
            throw new ApiError('API_ERROR', `Invalid columnDelimiter: ${JSON.stringify(delimiter)}`);
        }
        const lineEnding = body.lineEnding ?? 'LF';
        if (lineEnding !== 'LF' && lineEnding !== 'CRLF') {
            throw new ApiError('API_ERROR', `Invalid lineEnding: ${JSON.stringify(lineEnding)} (LF or CRLF)`);
        }
        // The SOQL is read when the job is created: a malformed query or an unknown field or object fails
        // the create call with the SOQL error, as a REST query would.
        const parsed = state.soql.parse(body.query);
        refuseUnsupported(parsed);
        const selection = state.soql.select(parsed);
        const number = this.nextJob++;
        const job: QueryJob = {
            id: `750Q${String(number).padStart(11, '0')}AAA`,
            operation: body.operation,
            object: selection.object.name,
            state: 'JobComplete',
            createdDate: formatDateTime(state.now()),
            apiVersion: request.version,
            lineEnding,
            columnDelimiter: delimiter,
            selection
        };
        this.jobs.set(job.id, job);
        // The create call answers with the job as it was queued (Create a Query Job, response body).
        return json(200, { ...this.created(state, job), state: 'UploadComplete' });
    }

    /** The fields of a job that the create call returns. */
    private created(state: OrgState, job: QueryJob): Record<string, unknown> {
        return {
            id: job.id,
            operation: job.operation,
            object: job.object,
            createdById: state.store.currentUserId,
            createdDate: job.createdDate,
            systemModstamp: job.createdDate,
            state: job.state,
            concurrencyMode: 'Parallel',
            contentType: 'CSV',
            apiVersion: Number(job.apiVersion),
            lineEnding: job.lineEnding,
            columnDelimiter: job.columnDelimiter
        };
    }

    /** A job as "Get Information About a Query Job" describes it. */
    private info(state: OrgState, job: QueryJob): Record<string, unknown> {
        return {
            ...this.created(state, job),
            jobType: 'V2Query',
            numberRecordsProcessed: job.state === 'JobComplete' ? job.selection.rows.length : 0,
            retries: 0,
            totalProcessingTime: 0,
            isPkChunkingSupported: true
        };
    }

    /**
     * One set of results (Get Results for a Query Job): from the locator's row, at most maxRecords rows,
     * as CSV with a header line; Sforce-Locator names the next set ("null" after the last one).
     */
    private results(state: OrgState, job: QueryJob, request: DoubleRequest): DoubleResponse {
        if (request.version !== job.apiVersion) {
            throw new ApiError(
                'API_ERROR',
                `Use the API version the job was created with (${job.apiVersion}) to get its results`,
                { status: 409 }
            );
        }
        if (job.state !== 'JobComplete') {
            throw new ApiError(
                'JOB_NOT_COMPLETE',
                `can only download query results of successfully completed bulk job with status: JOB_COMPLETE. Current status: ${job.state}`,
                { status: 412 }
            );
        }
        const start = readLocator(request.query.get('locator'));
        const maxRecords = readMaxRecords(request.query.get('maxRecords'));
        const total = job.selection.rows.length;
        const end = Math.min(total, start + maxRecords);
        const next = end < total ? Buffer.from(String(end)).toString('base64').replace(/=+$/, '') : 'null';
        const chunks = this.csvChunks(state, job, start, end);
        const headers = { 'Sforce-NumberOfRecords': String(end - start), 'Sforce-Locator': next };
        // Use Compression for Bulk API 2.0 Query Responses: a client that accepts gzip gets the set compressed.
        if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
            return {
                status: 200,
                contentType: 'text/csv',
                headers: { ...headers, 'Content-Encoding': 'gzip' },
                chunks: Readable.from(chunks).pipe(createGzip({ level: 1 }))
            };
        }
        return { status: 200, contentType: 'text/csv', headers, chunks };
    }

    private *csvChunks(state: OrgState, job: QueryJob, start: number, end: number): Generator<string> {
        const { object, fields, rows } = job.selection;
        const delimiter = DELIMITERS[job.columnDelimiter] ?? ',';
        const newline = job.lineEnding === 'CRLF' ? '\r\n' : '\n';
        const columns = fields.map((path) => column(state, object, path));
        let text = `${fields.map(quoted).join(delimiter)}${newline}`;
        for (let index = start; index < end; index++) {
            const row = rows[index] as SObjectRecord;
            text += `${columns.map((read) => quoted(read(row))).join(delimiter)}${newline}`;
            if ((index - start + 1) % ROWS_PER_CHUNK === 0) {
                yield text;
                text = '';
            }
        }
        if (text !== '') {
            yield text;
        }
    }
}

/**
 * How one column's value is read from a row and written: a field of the row or, through lookups, of a
 * parent (empty when a lookup is empty). Values are written as the platform writes them (csvValue).
 */
function column(state: OrgState, object: SchemaObject, path: string): (row: SObjectRecord) => string {
    const lookups: string[] = [];
    let target = object;
    const names = path.split('.');
    for (const name of names.slice(0, -1)) {
        const lookup = relationshipField(target, name);
        const [parent = ''] = lookup?.referenceTo ?? [];
        lookups.push(lookup?.name ?? name);
        target = state.store.object(parent);
    }
    const field = state.store.field(target, names[names.length - 1] ?? '');
    return (row) => {
        let record: SObjectRecord | undefined = row;
        for (const lookup of lookups) {
            const id: unknown = record?.[lookup];
            record = typeof id === 'string' ? state.store.find(id)?.record : undefined;
        }
        return record === undefined ? '' : csvValue(field, record[field.name]);
    };
}

/**
 * A value as Bulk API 2.0 query results write it: a null as an empty value, checkboxes as true or false,
 * datetimes in UTC with a Z, whole-number fields as integers and Number, Currency and Percent fields as
 * Java writes a double ("48.0", "1.6147805824397E13": forcedotcom/cli issue 3367 shows a Number(18, 0)
 * exported so; Data Loader issue 1204 shows AnnualRevenue as "9.9213206E7").
 */
function csvValue(field: FieldDefinition, value: unknown): string {
    if (value === null || value === undefined) {
        return '';
    }
    if (typeof value === 'number') {
        return field.type === 'int' ? String(value) : javaDoubleText(value);
    }
    if (field.type === 'datetime' && typeof value === 'string') {
        return value.replace(/\+0000$/, 'Z');
    }
    return asText(value);
}

function readLocator(locator: string | null): number {
    if (locator === null || locator === '') {
        return 0;
    }
    const offset = Number(Buffer.from(locator, 'base64').toString('utf8'));
    if (!Number.isSafeInteger(offset) || offset < 0) {
        throw new ApiError('API_ERROR', `Invalid locator: ${locator}`);
    }
    return offset;
}

function readMaxRecords(text: string | null): number {
    if (text === null) {
        return DEFAULT_SET_SIZE;
    }
    const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < 1) {
        throw new ApiError('API_ERROR', `Invalid maxRecords: ${text} (a positive whole number)`);
    }
    return value;
}
