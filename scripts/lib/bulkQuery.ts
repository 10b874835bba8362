/**
 * Bulk API 2.0 query from the scripts (Bulk API 2.0 and Bulk API Developer Guide, "Bulk API 2.0 Query"):
 * create a query job, wait until it is complete, then read its results set by set — each set is asked for
 * with `maxRecords` and the previous set's Sforce-Locator, and read as a stream of CSV rows, so memory does
 * not grow with the number of records. Cells stay text exactly as the org wrote them.
 */
import type { OrgConnection } from './connection.ts';
import { CsvRowReader } from './csvStream.ts';
import { explainError, ScriptError } from './errors.ts';

export interface BulkQueryOptions {
    /** Records per set of results (the maxRecords parameter). */
    maxRecords: number;
    /** Milliseconds between two looks at the job's state. */
    pollInterval: number;
    /** Give up waiting for the job after this many milliseconds. */
    pollTimeout: number;
}

interface QueryJobInfo {
    id: string;
    state: 'UploadComplete' | 'InProgress' | 'Aborted' | 'JobComplete' | 'Failed';
    errorMessage?: string;
}

/** The header and the rows of a query's results, the rows read as they arrive. */
export interface BulkRows {
    columns: string[];
    rows: AsyncGenerator<string[]>;
}

export async function bulkQuery(org: OrgConnection, soql: string, options: BulkQueryOptions): Promise<BulkRows> {
    const job = await waitForJob(org, await createJob(org, soql), options);
    const first = await readSet(org, job.id, undefined, options.maxRecords);
    const columns = first.header;
    return { columns, rows: allRows(org, job.id, first, columns, options.maxRecords) };
}

async function createJob(org: OrgConnection, soql: string): Promise<QueryJobInfo> {
    try {
        return await org.conn.request<QueryJobInfo>({
            method: 'POST',
            url: '/jobs/query',
            body: JSON.stringify({ operation: 'query', query: soql, contentType: 'CSV', lineEnding: 'LF' }),
            headers: { 'content-type': 'application/json' }
        });
    } catch (error) {
        throw explainError(error, org.label, org.reauthenticate);
    }
}

/** Looks at the job until it is complete (Get Information About a Query Job); a failed or aborted job stops. */
async function waitForJob(org: OrgConnection, created: QueryJobInfo, options: BulkQueryOptions): Promise<QueryJobInfo> {
    const deadline = Date.now() + options.pollTimeout;
    let job = created;
    for (;;) {
        if (job.state === 'JobComplete') {
            return job;
        }
        if (job.state === 'Failed' || job.state === 'Aborted') {
            throw new ScriptError(
                `The Bulk API query job ${job.id} in ${org.label} ended ${job.state}${job.errorMessage ? `: ${job.errorMessage}` : ''}.`,
                'See Setup → Bulk Data Load Jobs for the job, then run the same command again.'
            );
        }
        if (Date.now() > deadline) {
            throw new ScriptError(
                `The Bulk API query job ${job.id} in ${org.label} was not complete after ${Math.round(options.pollTimeout / 1000)} s (state ${job.state}).`,
                'The org may be busy: run the same command again later, or narrow the leads with --where.'
            );
        }
        await new Promise((resolve) => setTimeout(resolve, options.pollInterval));
        try {
            job = await org.conn.request<QueryJobInfo>({ method: 'GET', url: `/jobs/query/${job.id}` });
        } catch (error) {
            throw explainError(error, org.label, org.reauthenticate);
        }
    }
}

interface ResultSet {
    header: string[];
    rows: AsyncGenerator<string[]>;
    /** Sforce-Locator: the next set, or null after the last one. */
    next: string | null;
}

/** One set of results (Get Results for a Query Job): its header read, its rows left to stream. */
async function readSet(
    org: OrgConnection,
    jobId: string,
    locator: string | undefined,
    maxRecords: number
): Promise<ResultSet> {
    const query = new URLSearchParams({ maxRecords: String(maxRecords) });
    if (locator !== undefined) {
        query.set('locator', locator);
    }
    let response: Response;
    try {
        response = await org.get(
            `/services/data/v${org.conn.version}/jobs/query/${jobId}/results?${query.toString()}`,
            {
                Accept: 'text/csv',
                // Use Compression for Bulk API 2.0 Query Responses.
                'Accept-Encoding': 'gzip'
            }
        );
    } catch (error) {
        throw explainError(error, org.label, org.reauthenticate);
    }
    if (!response.ok || !response.body) {
        const text = await response.text();
        let first: { errorCode?: string; message?: string } | undefined;
        try {
            [first] = JSON.parse(text || '[]') as { errorCode?: string; message?: string }[];
        } catch {
            first = { message: text };
        }
        throw explainError(
            { errorCode: first?.errorCode ?? String(response.status), message: first?.message ?? text },
            org.label,
            org.reauthenticate
        );
    }
    const locatorHeader = response.headers.get('sforce-locator');
    const rows = csvRows(response.body);
    const header = await rows.next();
    if (header.done) {
        throw new ScriptError(
            `The Bulk API query job ${jobId} in ${org.label} answered a set of results without a header line.`
        );
    }
    return {
        header: header.value,
        rows,
        next: locatorHeader === null || locatorHeader === 'null' ? null : locatorHeader
    };
}

async function* allRows(
    org: OrgConnection,
    jobId: string,
    first: ResultSet,
    columns: string[],
    maxRecords: number
): AsyncGenerator<string[]> {
    let set = first;
    for (;;) {
        yield* set.rows;
        if (set.next === null) {
            return;
        }
        set = await readSet(org, jobId, set.next, maxRecords);
        if (set.header.join(',') !== columns.join(',')) {
            throw new ScriptError(`The Bulk API query job ${jobId} answered sets with different columns.`);
        }
    }
}

/** The rows of a CSV body as they arrive (UTF-8, LF or CRLF line endings). */
async function* csvRows(body: ReadableStream<Uint8Array>): AsyncGenerator<string[]> {
    const reader = new CsvRowReader();
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of body) {
        yield* reader.push(decoder.decode(chunk, { stream: true }));
    }
    yield* reader.push(decoder.decode());
    yield* reader.end();
}
