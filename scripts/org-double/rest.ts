/**
 * The REST subset of the org double: query (with queryMore), describe, single-record CRUD,
 * sObject Collections (create, update, delete, upsert by external id; at most 200 records) and
 * Composite (several subrequests in one call).
 */
import { ApiError, restDuplicateResult } from './apiError.ts';
import { queryColumns } from './columns.ts';
import { describeObject } from './describe.ts';
import { json, type DoubleRequest, type DoubleResponse, type OrgState } from './http.ts';
import type { SObjectRecord } from './store.ts';
import { asText } from '../lib/text.ts';

const QUERY_PAGE_SIZE = 2000;
const COLLECTION_LIMIT = 200;
/**
 * Of a Composite request's 25 subrequests, at most 5 may be sObject Collections or query operations
 * (REST API Developer Guide, "Composite").
 */
const COMPOSITE_QUERY_LIMIT = 5;

interface SaveError {
    statusCode: string;
    message: string;
    fields: string[];
    duplicateResult?: unknown;
}

interface SaveResult {
    id: string | null;
    success: boolean;
    created?: boolean;
    errors: SaveError[];
}

/** sObject Collections report per-record errors with `statusCode` (single-record calls use `errorCode`). */
function saveError(error: ApiError): SaveError {
    const saved: SaveError = { statusCode: error.errorCode, message: error.message, fields: error.fields };
    return error.duplicateResult ? { ...saved, duplicateResult: restDuplicateResult(error.duplicateResult) } : saved;
}

function errorResult(error: unknown): SaveResult {
    if (error instanceof ApiError) {
        return { id: null, success: false, errors: [saveError(error)] };
    }
    throw error;
}

function errorResponse(error: ApiError): DoubleResponse {
    return json(error.status, [error.toJson()]);
}

/** The Sforce-Duplicate-Rule-Header asks to save records a duplicate rule's alert flags (create, update, upsert). */
function allowDuplicates(request: DoubleRequest): { allowDuplicates: boolean } {
    return { allowDuplicates: /allowSave=true/i.test(String(request.headers['sforce-duplicate-rule-header'] ?? '')) };
}

/** Runs `work` for each record; with allOrNone the whole call is undone when one fails. */
function collection(
    state: OrgState,
    allOrNone: boolean,
    count: number,
    work: (index: number) => SaveResult
): SaveResult[] {
    if (count > COLLECTION_LIMIT) {
        throw new ApiError(
            'EXCEEDED_ID_LIMIT',
            `record limit reached. cannot submit more than ${COLLECTION_LIMIT} records into this call`
        );
    }
    const snapshot = allOrNone ? state.store.snapshot() : undefined;
    const results = Array.from({ length: count }, (_, index) => {
        try {
            return work(index);
        } catch (error) {
            return errorResult(error);
        }
    });
    if (snapshot && results.some((result) => !result.success)) {
        state.store.restore(snapshot);
        const rolledBack = new ApiError(
            'ALL_OR_NONE_OPERATION_ROLLED_BACK',
            'Record rolled back because not all records were valid and the request was using AllOrNone header'
        );
        return results.map((result) =>
            result.success ? { id: null, success: false, errors: [saveError(rolledBack)] } : { ...result, id: null }
        );
    }
    return results;
}

function recordType(record: SObjectRecord, fallback?: string): string {
    const attributes = record.attributes as { type?: string } | undefined;
    const type = attributes?.type ?? fallback;
    if (!type) {
        throw new ApiError('INVALID_TYPE', 'Must send a concrete entity type.');
    }
    return type;
}

function queryPage(
    state: OrgState,
    records: SObjectRecord[],
    totalSize: number,
    offset: number,
    soql: string
): DoubleResponse {
    const end = offset + QUERY_PAGE_SIZE;
    const done = end >= records.length;
    const body: Record<string, unknown> = { totalSize, done, records: records.slice(offset, end) };
    if (!done) {
        const locator = Buffer.from(JSON.stringify({ soql, offset: end })).toString('base64url');
        body.nextRecordsUrl = `/services/data/v${state.apiVersion}/query/${locator}`;
    }
    return json(200, body);
}

export function handleRest(state: OrgState, request: DoubleRequest): DoubleResponse {
    try {
        return route(state, request);
    } catch (error) {
        if (error instanceof ApiError) {
            return errorResponse(error);
        }
        throw error;
    }
}

function route(state: OrgState, request: DoubleRequest): DoubleResponse {
    const parts = request.path.split('/').filter(Boolean);
    const [head, second, third, fourth] = parts;
    const body = (request.body ? JSON.parse(request.body) : {}) as Record<string, unknown>;
    const { store } = state;

    if (head === 'query' && request.method === 'GET') {
        if (second) {
            const { soql, offset } = JSON.parse(Buffer.from(second, 'base64url').toString('utf8')) as {
                soql: string;
                offset: number;
            };
            const result = state.soql.run(soql);
            return queryPage(state, result.records, result.totalSize, offset, soql);
        }
        const soql = request.query.get('q') ?? '';
        if (request.query.get('columns') === 'true') {
            return json(200, queryColumns(store, soql));
        }
        const result = state.soql.run(soql);
        return queryPage(state, result.records, result.totalSize, 0, soql);
    }

    if (head === 'sobjects' && second) {
        if (third === 'describe' && request.method === 'GET') {
            const object = store.object(second);
            return json(200, describeObject(object, store.canWrite(object)));
        }
        if (!third && request.method === 'POST') {
            const id = store.insert(second, body, allowDuplicates(request));
            return json(201, { id, success: true, errors: [] });
        }
        if (third && !fourth) {
            const object = store.object(second);
            if (request.method === 'GET') {
                const found = store.find(third);
                if (!found || found.object.name !== object.name) {
                    throw new ApiError('NOT_FOUND', 'The requested resource does not exist', { status: 404 });
                }
                return json(200, { attributes: { type: object.name }, ...found.record });
            }
            if (request.method === 'PATCH') {
                store.update(object.name, third, body);
                return { status: 204 };
            }
            if (request.method === 'DELETE') {
                store.delete(third);
                return { status: 204 };
            }
        }
    }

    if (head === 'composite' && second === 'sobjects') {
        const allOrNone = body.allOrNone === true || request.query.get('allOrNone') === 'true';
        if (request.method === 'DELETE') {
            const ids = (request.query.get('ids') ?? '').split(',').filter(Boolean);
            const deletable: string[] = [];
            const results = collection(state, allOrNone, ids.length, (index) => {
                const id = ids[index] ?? '';
                const found = store.find(id);
                if (!found) {
                    throw new ApiError('ENTITY_IS_DELETED', `entity is deleted or does not exist: ${id}`);
                }
                if (found.object.readOnlyObject) {
                    throw new ApiError(
                        'INSUFFICIENT_ACCESS_OR_READONLY',
                        `insufficient access rights on object id: ${id}`
                    );
                }
                deletable.push(id);
                return { id, success: true, errors: [] };
            });
            if (results.every((result) => result.success) || !allOrNone) {
                store.deleteMany(deletable.filter((id) => store.find(id)));
            }
            return json(200, results);
        }
        const records = (body.records ?? []) as SObjectRecord[];
        if (third && fourth && request.method === 'PATCH') {
            return json(
                200,
                collection(state, allOrNone, records.length, (index) => {
                    const record = records[index] ?? {};
                    recordType(record, third);
                    const { id, created } = store.upsert(third, fourth, record, allowDuplicates(request));
                    return { id, success: true, created, errors: [] };
                })
            );
        }
        if (!third && request.method === 'POST') {
            return json(
                200,
                collection(state, allOrNone, records.length, (index) => {
                    const record = records[index] ?? {};
                    const type = recordType(record);
                    return { id: store.insert(type, record, allowDuplicates(request)), success: true, errors: [] };
                })
            );
        }
        if (!third && request.method === 'PATCH') {
            return json(
                200,
                collection(state, allOrNone, records.length, (index) => {
                    const record = records[index] ?? {};
                    const id = asText(record.id ?? record.Id);
                    const rest = Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'id'));
                    store.update(recordType(record), id, rest);
                    return { id, success: true, errors: [] };
                })
            );
        }
    }

    if (head === 'composite' && !second && request.method === 'POST') {
        const subrequests = (body.compositeRequest ?? []) as {
            method: string;
            url: string;
            referenceId: string;
            body?: unknown;
        }[];
        if (subrequests.length > 25) {
            throw new ApiError('INVALID_INPUT', 'A composite request may hold at most 25 subrequests');
        }
        const queries = subrequests.filter((sub) => /\/(query|queryAll|composite\/sobjects)(\/|\?|$)/.test(sub.url));
        if (queries.length > COMPOSITE_QUERY_LIMIT) {
            throw new ApiError(
                'INVALID_INPUT',
                `A composite request may hold at most ${COMPOSITE_QUERY_LIMIT} query and sObject Collections subrequests; it holds ${queries.length}`
            );
        }
        const compositeResponse = subrequests.map((sub) => {
            const url = new URL(sub.url, 'http://double');
            const version = /^\/services\/data\/v([\d.]+)\//.exec(url.pathname)?.[1] ?? request.version;
            const path = url.pathname.replace(/^\/services\/data\/v[\d.]+\//, '');
            const response = handleRest(state, {
                method: sub.method,
                version,
                path,
                query: url.searchParams,
                headers: request.headers,
                body: sub.body === undefined ? '' : JSON.stringify(sub.body)
            });
            return {
                body: response.json ?? null,
                httpHeaders: {},
                httpStatusCode: response.status,
                referenceId: sub.referenceId
            };
        });
        return json(200, { compositeResponse });
    }

    throw new ApiError('NOT_FOUND', `The org double does not serve ${request.method} ${request.path}`, { status: 404 });
}
