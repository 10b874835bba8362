/**
 * REST query with numbers read exactly. jsforce parses a response with JSON.parse, which turns every
 * number into a binary double ("12345678901234567" becomes 12345678901234568); these reads parse the
 * response text themselves, each number as an exact decimal of the text the org wrote (parseExactJson).
 * Pages follow nextRecordsUrl (REST API Developer Guide, "Execute a SOQL Query"), one page in memory.
 */
import type { OrgConnection } from './connection.ts';
import { parseExactJson } from './criteria/values.ts';
import { explainError } from './errors.ts';

export type ExactRecord = Record<string, unknown>;

interface QueryPage {
    totalSize: unknown;
    done: boolean;
    nextRecordsUrl?: string;
    records: ExactRecord[];
}

/** Records per page asked for (Sforce-Query-Options batchSize: 200 to 2,000). */
const QUERY_BATCH_SIZE = 2000;

async function readPage(org: OrgConnection, path: string): Promise<QueryPage> {
    let response: Response;
    let text: string;
    try {
        response = await org.get(path, { 'Sforce-Query-Options': `batchSize=${QUERY_BATCH_SIZE}` });
        text = await response.text();
    } catch (error) {
        throw explainError(error, org.label, org.reauthenticate);
    }
    if (!response.ok) {
        let failure: { errorCode?: string; message?: string } = {};
        try {
            [failure = {}] = JSON.parse(text) as { errorCode?: string; message?: string }[];
        } catch {
            failure = { message: text };
        }
        throw explainError(
            { errorCode: failure.errorCode ?? `HTTP ${response.status}`, message: failure.message ?? text },
            org.label,
            org.reauthenticate
        );
    }
    return parseExactJson(text) as QueryPage;
}

function queryPath(org: OrgConnection, soql: string): string {
    return `/services/data/v${org.conn.version}/query?q=${encodeURIComponent(soql)}`;
}

/** Every record of a query, page by page. */
export async function* exactRecords(org: OrgConnection, soql: string): AsyncGenerator<ExactRecord> {
    let page = await readPage(org, queryPath(org, soql));
    for (;;) {
        yield* page.records;
        if (page.done || !page.nextRecordsUrl) {
            return;
        }
        page = await readPage(org, page.nextRecordsUrl);
    }
}

/** All the records of a small query (configuration rows). */
export async function exactQuery(org: OrgConnection, soql: string): Promise<ExactRecord[]> {
    const records: ExactRecord[] = [];
    for await (const record of exactRecords(org, soql)) {
        records.push(record);
    }
    return records;
}

/** The count of a `SELECT COUNT() FROM …` query (its totalSize). */
export async function exactCount(org: OrgConnection, soql: string): Promise<number> {
    const page = await readPage(org, queryPath(org, soql));
    return Number(String(page.totalSize));
}
