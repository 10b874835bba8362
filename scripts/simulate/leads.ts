/**
 * The leads a simulation reads: only the fields the two criteria sets and the report need, streamed —
 * with Bulk API 2.0 query when there are many (its CSV keeps every value as the org wrote it), with REST
 * query below that (its JSON numbers read exactly) — as rows of text cells in one column order, and each
 * row read into what the engine and the drift rules take.
 */
import type { DescribeSObjectResult } from '@jsforce/jsforce-node';
import { bulkQuery } from '../lib/bulkQuery.ts';
import type { OrgConnection } from '../lib/connection.ts';
import type { Criterion, LeadValues } from '../lib/criteria/engine.ts';
import { ExactDecimal, isPlainFieldName, kindOf, parseDatetime } from '../lib/criteria/values.ts';
import { ScriptError } from '../lib/errors.ts';
import { exactCount, exactRecords, type ExactRecord } from '../lib/exactQuery.ts';
import type { StoredLead } from './drift.ts';
import type { LeadInput } from './simulation.ts';
import { asText } from '../lib/text.ts';

/** The fields every simulation reads besides the ones the criteria name. */
const REPORT_FIELDS = [
    'Id',
    'Name',
    'LeadSource',
    'OwnerId',
    'Owner.Name',
    'IsConverted',
    'Lifecycle_Stage__c',
    'Fit_Score__c',
    'Interest_Score__c',
    'SAL_Date__c',
    'LastModifiedDate'
];

/** Baton's Lead fields the drift rules read: without them Baton is not deployed in the org. */
const BATON_FIELDS = ['Lifecycle_Stage__c', 'Fit_Score__c', 'Interest_Score__c', 'SAL_Date__c'];

export interface LeadReadOptions {
    /** From this many leads on, Bulk API 2.0 query; REST query below. */
    bulkThreshold: number;
    /** Records per set of Bulk API 2.0 results. */
    maxRecords: number;
    pollInterval: number;
    pollTimeout: number;
}

export interface LeadStream {
    total: number;
    via: 'REST API' | 'Bulk API 2.0';
    columns: string[];
    rows: AsyncGenerator<string[]>;
}

/**
 * The describe's field types in the criteria engines' words (the vectors' type names); a type rules cannot
 * test keeps its name and the engine skips the rule with UNSUPPORTED_FIELD_TYPE.
 */
function engineType(field: DescribeSObjectResult['fields'][number]): string {
    switch (field.type) {
        case 'string':
            return 'text';
        case 'boolean':
            return 'checkbox';
        case 'int':
            return 'integer';
        case 'encryptedstring':
            return 'encryptedtext';
        case 'textarea':
            return field.extraTypeInfo === 'richtextarea' ? 'richtextarea' : 'textarea';
        default:
            return field.type;
    }
}

/** The Lead fields of the two sets' active rules that the org has, by the org's spelling, with their types. */
export function criteriaFields(describe: DescribeSObjectResult, rules: readonly Criterion[]): Map<string, string> {
    const byLowerName = new Map(describe.fields.map((field) => [field.name.toLowerCase(), field]));
    const fields = new Map<string, string>();
    for (const rule of rules) {
        const name = (typeof rule.Field__c === 'string' ? rule.Field__c : '').trim();
        const field =
            rule.Active__c === true && isPlainFieldName(name) ? byLowerName.get(name.toLowerCase()) : undefined;
        if (field) {
            fields.set(field.name, engineType(field));
        }
    }
    return fields;
}

export function checkBatonFields(describe: DescribeSObjectResult, orgLabel: string): void {
    const names = new Set(describe.fields.map((field) => field.name));
    const missing = BATON_FIELDS.filter((field) => !names.has(field));
    if (missing.length > 0) {
        throw new ScriptError(
            `${orgLabel} has no Lead field ${missing.join(', ')}: Baton is not deployed there, or your user cannot read its fields.`,
            'Deploy Baton (npm run deploy) and assign the Baton_Admin permission set, then run again.'
        );
    }
}

/** SELECT of the report's fields and the criteria fields, with the --where condition. */
export function leadQuery(criteria: Iterable<string>, where: string | undefined): { soql: string; columns: string[] } {
    const columns = [...REPORT_FIELDS];
    for (const field of criteria) {
        if (!columns.some((column) => column.toLowerCase() === field.toLowerCase())) {
            columns.push(field);
        }
    }
    return { soql: `SELECT ${columns.join(', ')} FROM Lead${where ? ` WHERE ${where}` : ''}`, columns };
}

/** The leads of the query, streamed: counted first, then read by REST or Bulk API 2.0 query. */
export async function readLeads(
    org: OrgConnection,
    query: { soql: string; columns: string[] },
    where: string | undefined,
    options: LeadReadOptions
): Promise<LeadStream> {
    let total: number;
    try {
        total = await exactCount(org, `SELECT COUNT() FROM Lead${where ? ` WHERE ${where}` : ''}`);
    } catch (error) {
        if (where && /MALFORMED_QUERY|INVALID_FIELD|unexpected token/i.test((error as Error).message)) {
            throw new ScriptError(
                `--where "${where}" is not a SOQL condition on Lead that ${org.label} accepts: ${(error as Error).message}`,
                'Write a SOQL WHERE condition without the word WHERE, for example --where "CreatedDate = LAST_N_DAYS:90".'
            );
        }
        throw error;
    }
    if (total >= options.bulkThreshold) {
        const { columns, rows } = await bulkQuery(org, query.soql, options);
        return { total, via: 'Bulk API 2.0', columns, rows };
    }
    return { total, via: 'REST API', columns: query.columns, rows: restRows(org, query) };
}

/** A REST record as cells in the column order; numbers as exact decimal text, booleans as words. */
async function* restRows(org: OrgConnection, query: { soql: string; columns: string[] }): AsyncGenerator<string[]> {
    for await (const record of exactRecords(org, query.soql)) {
        yield query.columns.map((column) => cellText(valueAt(record, column)));
    }
}

function valueAt(record: ExactRecord, path: string): unknown {
    let value: unknown = record;
    for (const name of path.split('.')) {
        value = value !== null && typeof value === 'object' ? (value as ExactRecord)[name] : null;
    }
    return value;
}

function cellText(value: unknown): string {
    return ExactDecimal.isDecimal(value) ? value.toFixed() : asText(value);
}

/**
 * A number as the APIs write it: plain decimals, and doubles in Java's notation ("1.6147805824397E13",
 * which Bulk API 2.0 query results and REST use for large values), read exactly; anything else is left as
 * text for the engine to find unreadable.
 */
const API_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function apiNumber(text: string): ExactDecimal | string {
    return API_NUMBER.test(text) ? new ExactDecimal(text) : text;
}

function instant(text: string): number | null {
    const parsed = text === '' ? undefined : parseDatetime(text);
    return parsed === undefined ? null : parsed.toNumber();
}

/** Reads rows of `columns` into the simulation's leads. */
export function leadReader(columns: string[], criteria: Map<string, string>): (row: string[]) => LeadInput {
    const at = (name: string): number => columns.findIndex((column) => column.toLowerCase() === name.toLowerCase());
    const index = Object.fromEntries(REPORT_FIELDS.map((field) => [field, at(field)]));
    const fields = [...criteria.entries()].map(([name, type]) => ({
        name,
        type,
        column: at(name),
        numeric: kindOf(type) === 'number'
    }));
    const cell = (row: string[], field: string): string => row[index[field] ?? -1] ?? '';
    const number = (row: string[], field: string): ExactDecimal | null => {
        const value = cell(row, field);
        const parsed = value === '' ? null : apiNumber(value);
        return parsed === null || typeof parsed === 'string' ? null : parsed;
    };
    return (row) => {
        const values: LeadValues = {};
        for (const field of fields) {
            const text = row[field.column] ?? '';
            values[field.name] = {
                type: field.type,
                value: text === '' ? null : field.numeric ? apiNumber(text) : text
            };
        }
        const stored: StoredLead = {
            stage: cell(row, 'Lifecycle_Stage__c') || null,
            fit: number(row, 'Fit_Score__c'),
            interest: number(row, 'Interest_Score__c'),
            converted: cell(row, 'IsConverted') === 'true',
            acceptedAt: instant(cell(row, 'SAL_Date__c')),
            lastModifiedAt: instant(cell(row, 'LastModifiedDate'))
        };
        return {
            id: cell(row, 'Id'),
            name: cell(row, 'Name'),
            source: cell(row, 'LeadSource') || '(none)',
            owner: cell(row, 'Owner.Name') || cell(row, 'OwnerId') || '(none)',
            values,
            stored
        };
    };
}
