/**
 * SOQL for the org double: parsed by @jetstreamapp/soql-parser-js, evaluated over the store.
 * Supports what the scripts send: fields and parent relationship paths, COUNT(), WHERE with
 * AND / OR / NOT / parentheses, comparison, LIKE, IN / NOT IN (values or a semi-join subquery),
 * ORDER BY, LIMIT and OFFSET.
 *
 * Refused as the platform refuses them: filters on fields that are not filterable (long text
 * areas), and semi-/anti-joins other than the documented form (SOQL and SOSL Reference,
 * "Comparison Operators", semi-joins and anti-joins): the left operand is one Id or lookup field,
 * the subquery selects one Id or lookup field, at most two per WHERE clause, none inside another,
 * none joined by OR or negated by NOT.
 */
import { parseQuery, type Condition, type Query, type WhereClause } from '@jetstreamapp/soql-parser-js';
export type { Query } from '@jetstreamapp/soql-parser-js';
import type { FieldDefinition } from '../lib/projectMetadata.ts';
import { ApiError } from './apiError.ts';
import { isFilterable } from './describe.ts';
import { relationshipField, type SchemaObject } from './schema.ts';
import { idKey, type SObjectRecord, type Store } from './store.ts';
import { asText } from '../lib/text.ts';

type Token = '(' | ')' | 'AND' | 'OR' | 'NOT' | Condition;

export interface QueryResult {
    totalSize: number;
    records: SObjectRecord[];
}

/** What a query selects: its object, the field paths it names and the matching rows. */
export interface Selection {
    object: SchemaObject;
    fields: string[];
    rows: SObjectRecord[];
}

function parse(soql: string): Query {
    try {
        return parseQuery(soql);
    } catch (error) {
        throw new ApiError(
            'MALFORMED_QUERY',
            `unexpected token in query: ${(error as Error).message.split('\n')[0] ?? ''}`
        );
    }
}

/** Flattens the parser's right-leaning WHERE chain (parentheses are annotations) into tokens. */
interface WhereNode {
    left: (Condition & { field?: string; openParen?: number; closeParen?: number }) | null;
    operator?: string;
    right?: WhereNode;
}

function tokens(where: WhereClause | undefined, out: Token[] = []): Token[] {
    const node = where as WhereNode | undefined;
    if (!node) {
        return out;
    }
    const left = node.left;
    if (node.operator === 'NOT' && (left === null || left.field === undefined)) {
        out.push(...Array<Token>(left?.openParen ?? 0).fill('('), 'NOT');
        return tokens(node.right as WhereClause | undefined, out);
    }
    if (left) {
        out.push(...Array<Token>(left.openParen ?? 0).fill('('), left, ...Array<Token>(left.closeParen ?? 0).fill(')'));
    }
    if (node.operator === 'AND' || node.operator === 'OR') {
        out.push(node.operator);
    }
    return tokens(node.right as WhereClause | undefined, out);
}

type Predicate = (record: SObjectRecord) => boolean;

/** A parsed WHERE expression: its test and how many semi-/anti-joins it holds. */
interface Expression {
    test: Predicate;
    joins: number;
}

const MAX_SEMI_JOINS = 2;

function joinError(message: string): ApiError {
    return new ApiError('MALFORMED_QUERY', message);
}

function isIdField(field: FieldDefinition): boolean {
    return field.type === 'id' || field.type === 'reference';
}

export class SoqlEngine {
    private readonly store: Store;
    /** The API version in record URLs (`attributes.url`). */
    private readonly apiVersion: string;

    constructor(store: Store, apiVersion: string) {
        this.store = store;
        this.apiVersion = apiVersion;
    }

    run(soql: string): QueryResult {
        return this.execute(parse(soql));
    }

    /** The query parsed, as the platform reads it (MALFORMED_QUERY when it cannot). */
    parse(soql: string): Query {
        return parse(soql);
    }

    /**
     * The rows a parsed query selects, in order, with the field paths it names (canonical API names),
     * not projected into records: Bulk API 2.0 query jobs write them as CSV page by page.
     */
    select(query: Query): Selection {
        const { object, rows } = this.selectRows(query, false);
        const fields = this.selectedPaths(query).map((path) => this.canonicalPath(object, path));
        return { object, fields, rows };
    }

    /** The value at a field path of a row (`Field`, `Rel__r.Field`; null when a parent is missing). */
    valueAt(object: SchemaObject, row: SObjectRecord, path: string): unknown {
        return this.path(object, row, path);
    }

    /** The field a path ends at, for its type. */
    fieldAtPath(object: SchemaObject, path: string): FieldDefinition {
        return this.fieldAt(object, path);
    }

    private execute(query: Query, subquery = false): QueryResult {
        const { object, rows } = this.selectRows(query, subquery);
        const isCount = query.fields?.some(
            (field) => field.type === 'FieldFunctionExpression' && field.functionName === 'COUNT'
        );
        if (isCount) {
            return { totalSize: rows.length, records: [] };
        }
        const fields = this.selectedPaths(query);
        return { totalSize: rows.length, records: rows.map((row) => this.project(object, row, fields)) };
    }

    /** The rows of a query's object that pass its WHERE clause, ordered, offset and limited. */
    private selectRows(query: Query, subquery: boolean): { object: SchemaObject; rows: SObjectRecord[] } {
        if (!this.store.schema.has((query.sObject ?? '').toLowerCase())) {
            // A query names an unknown object with INVALID_TYPE (HTTP 400), unlike a REST resource (404).
            throw new ApiError(
                'INVALID_TYPE',
                `sObject type '${query.sObject ?? ''}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`
            );
        }
        const object = this.store.object(query.sObject ?? '');
        const expression = this.predicate(object, tokens(query.where), subquery);
        if (expression.joins > MAX_SEMI_JOINS) {
            throw joinError(`A WHERE clause may hold at most ${MAX_SEMI_JOINS} semi-join or anti-join subqueries`);
        }
        let rows = this.store.all(object.name).filter(expression.test);
        for (const order of [...(query.orderBy ? [query.orderBy].flat() : [])].reverse()) {
            const path = 'field' in order && order.field ? order.field : '';
            const direction = order.order === 'DESC' ? -1 : 1;
            rows = [...rows].sort(
                (a, b) => direction * compareValues(this.path(object, a, path), this.path(object, b, path))
            );
        }
        const start = query.offset ?? 0;
        if (start > 0 || query.limit !== undefined) {
            rows = rows.slice(start, query.limit === undefined ? undefined : start + query.limit);
        }
        return { object, rows };
    }

    /** The field paths a query selects (COUNT() selects none); each path is checked to exist. */
    private selectedPaths(query: Query): string[] {
        const object = this.store.object(query.sObject ?? '');
        const fields = (query.fields ?? [])
            .filter((field) => !(field.type === 'FieldFunctionExpression' && field.functionName === 'COUNT'))
            .map((field) => {
                if (field.type === 'Field') return field.field;
                if (field.type === 'FieldRelationship') return [...field.relationships, field.field].join('.');
                throw new ApiError('MALFORMED_QUERY', `the org double does not support ${field.type} in SELECT`);
            });
        for (const field of fields) {
            this.path(object, {}, field);
        }
        return fields;
    }

    /** A field path with the platform's spelling of each name (`owner.name` → `Owner.Name`). */
    private canonicalPath(object: SchemaObject, path: string): string {
        const [head = '', ...rest] = path.split('.');
        if (rest.length === 0) {
            return this.store.field(object, head).name;
        }
        const lookup = relationshipField(object, head);
        const [target = ''] = lookup?.referenceTo ?? [];
        return `${lookup?.relationshipName ?? head}.${this.canonicalPath(this.store.object(target), rest.join('.'))}`;
    }

    /** The field at the end of `path` (`Field`, `Rel__r.Field`, …). */
    private fieldAt(object: SchemaObject, path: string): FieldDefinition {
        const [head = '', ...rest] = path.split('.');
        if (rest.length === 0) {
            return this.store.field(object, head);
        }
        const [target = ''] = relationshipField(object, head)?.referenceTo ?? [];
        return this.fieldAt(this.store.object(target), rest.join('.'));
    }

    /** The value at `path` (`Field`, `Rel__r.Field`, …) of `record`; checks the path exists. */
    private path(object: SchemaObject, record: SObjectRecord | undefined, path: string): unknown {
        const [head = '', ...rest] = path.split('.');
        if (rest.length === 0) {
            const field = this.store.field(object, head);
            return record?.[field.name] ?? null;
        }
        const lookup = relationshipField(object, head);
        const [target] = lookup?.referenceTo ?? [];
        if (!lookup || !target) {
            throw new ApiError(
                'INVALID_FIELD',
                `Didn't understand relationship '${head}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name.`
            );
        }
        const targetObject = this.store.object(target);
        const id = record?.[lookup.name];
        const parent = typeof id === 'string' ? this.store.find(id)?.record : undefined;
        if (record !== undefined && Object.keys(record).length > 0 && !parent) {
            return null;
        }
        return this.path(targetObject, parent, rest.join('.'));
    }

    private project(object: SchemaObject, row: SObjectRecord, fields: string[]): SObjectRecord {
        const out: SObjectRecord = {
            attributes: {
                type: object.name,
                url: `/services/data/v${this.apiVersion}/sobjects/${object.name}/${String(row.Id)}`
            }
        };
        for (const path of fields) {
            const [head = '', ...rest] = path.split('.');
            if (rest.length === 0) {
                out[this.store.field(object, head).name] = this.path(object, row, head);
                continue;
            }
            const lookup = relationshipField(object, head);
            const relationship = lookup?.relationshipName ?? head;
            const id = lookup ? row[lookup.name] : undefined;
            const parent = typeof id === 'string' ? this.store.find(id) : undefined;
            if (!parent) {
                out[relationship] = null;
                continue;
            }
            const existing = out[relationship] as SObjectRecord | undefined;
            out[relationship] = {
                ...this.project(parent.object, parent.record, [rest.join('.')]),
                ...(existing ?? {})
            };
        }
        return out;
    }

    private predicate(object: SchemaObject, list: Token[], subquery: boolean): Expression {
        let position = 0;
        const peek = (): Token | undefined => list[position];
        const combine = (parts: Expression[], test: Predicate): Expression => ({
            test,
            joins: parts.reduce((sum, part) => sum + part.joins, 0)
        });
        const orExpr = (): Expression => {
            const parts = [andExpr()];
            while (peek() === 'OR') {
                position++;
                parts.push(andExpr());
            }
            if (parts.length > 1 && parts.some((part) => part.joins > 0)) {
                throw joinError('Semi-join and anti-join subqueries cannot be combined with OR');
            }
            return combine(parts, (record) => parts.some((part) => part.test(record)));
        };
        const andExpr = (): Expression => {
            const parts = [notExpr()];
            while (peek() === 'AND') {
                position++;
                parts.push(notExpr());
            }
            return combine(parts, (record) => parts.every((part) => part.test(record)));
        };
        const notExpr = (): Expression => {
            const token = list[position++];
            if (token === 'NOT') {
                const inner = notExpr();
                if (inner.joins > 0) {
                    throw joinError('Semi-join and anti-join subqueries cannot be negated with NOT (use NOT IN)');
                }
                return { test: (record) => !inner.test(record), joins: 0 };
            }
            if (token === '(') {
                const inner = orExpr();
                position++;
                return inner;
            }
            if (token === undefined || typeof token === 'string') {
                throw new ApiError('MALFORMED_QUERY', 'unexpected token in WHERE clause');
            }
            const isJoin = 'literalType' in token && token.literalType === 'SUBQUERY';
            if (isJoin && subquery) {
                throw joinError('A semi-join or anti-join subquery cannot hold another one');
            }
            return { test: this.condition(object, token), joins: isJoin ? 1 : 0 };
        };
        return list.length === 0 ? { test: () => true, joins: 0 } : orExpr();
    }

    private condition(object: SchemaObject, condition: Condition): Predicate {
        if (!('field' in condition) || !condition.field) {
            throw new ApiError('MALFORMED_QUERY', 'the org double supports field conditions only');
        }
        const path = condition.field;
        this.path(object, {}, path);
        const field = this.fieldAt(object, path);
        if (!isFilterable(field)) {
            throw new ApiError('INVALID_FIELD', `field '${field.name}' can not be filtered in query call`);
        }
        const operator = condition.operator.toUpperCase();
        if (condition.literalType === 'SUBQUERY' && 'valueQuery' in condition && condition.valueQuery) {
            this.checkSemiJoin(object, path, condition.valueQuery);
            const result = this.execute(condition.valueQuery, true);
            const ids = new Set(
                result.records.flatMap((row) =>
                    Object.values(row)
                        .filter((value): value is string => typeof value === 'string')
                        .map(idKey)
                )
            );
            return (record) => {
                const value = this.path(object, record, path);
                const member = typeof value === 'string' && ids.has(idKey(value));
                return operator === 'NOT IN' ? !member : member;
            };
        }
        const raw = 'value' in condition ? condition.value : undefined;
        const literals = (Array.isArray(raw) ? raw : [raw]).map((value) =>
            literal(value, 'literalType' in condition ? condition.literalType : undefined)
        );
        return (record) => {
            const value = this.path(object, record, path);
            switch (operator) {
                case '=':
                    return equals(value, literals[0]);
                case '!=':
                case '<>':
                    return !equals(value, literals[0]);
                case '<':
                    return value !== null && compareValues(value, literals[0]) < 0;
                case '<=':
                    return value !== null && compareValues(value, literals[0]) <= 0;
                case '>':
                    return value !== null && compareValues(value, literals[0]) > 0;
                case '>=':
                    return value !== null && compareValues(value, literals[0]) >= 0;
                case 'LIKE':
                    return typeof value === 'string' && likePattern(String(literals[0])).test(value);
                case 'IN':
                    return literals.some((item) => equals(value, item));
                case 'NOT IN':
                    return !literals.some((item) => equals(value, item));
                default:
                    throw new ApiError('MALFORMED_QUERY', `the org double does not support the ${operator} operator`);
            }
        };
    }

    /** The left operand and the subquery's one selected field must be Id or lookup fields. */
    private checkSemiJoin(object: SchemaObject, path: string, subquery: Query): void {
        if (path.includes('.') || !isIdField(this.fieldAt(object, path))) {
            throw new ApiError(
                'INVALID_FIELD',
                `The left operand of a semi-join or anti-join must be an Id or lookup field, not ${path}`
            );
        }
        const selected = subquery.fields ?? [];
        const [only] = selected;
        const inner = this.store.object(subquery.sObject ?? '');
        const name = only?.type === 'Field' ? only.field : '';
        if (selected.length !== 1 || !name || !isIdField(this.store.field(inner, name))) {
            throw new ApiError(
                'INVALID_FIELD',
                `semi join sub selects can only query id fields, cannot use: '${name || 'more than one field'}'`
            );
        }
    }
}

function literal(value: unknown, type: unknown): unknown {
    const kind: unknown = Array.isArray(type) ? type[0] : type;
    const text = asText(value);
    switch (kind) {
        case 'NULL':
            return null;
        case 'BOOLEAN':
            return text.toUpperCase() === 'TRUE';
        case 'INTEGER':
        case 'DECIMAL':
            return Number(text);
        case 'STRING':
            return text.startsWith("'") ? text.slice(1, -1).replace(/\\(.)/g, '$1') : text;
        case 'DATE':
        case 'DATETIME':
            return text;
        default:
            throw new ApiError('MALFORMED_QUERY', `the org double does not support ${String(kind)} literals`);
    }
}

function equals(value: unknown, expected: unknown): boolean {
    if (expected === null) return value === null || value === undefined;
    if (value === null || value === undefined) return false;
    if (typeof value === 'string' && typeof expected === 'string') {
        if (/^[a-zA-Z0-9]{18}$/.test(value) && /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(expected)) {
            return idKey(value) === idKey(expected);
        }
        return value.toLowerCase() === expected.toLowerCase();
    }
    return compareValues(value, expected) === 0;
}

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/;

function compareValues(a: unknown, b: unknown): number {
    if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
    if (b === null || b === undefined) return 1;
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) - Number(b);
    const left = asText(a);
    const right = asText(b);
    if (DATE_LIKE.test(left) && DATE_LIKE.test(right) && left.length > 10 && right.length > 10) {
        return (
            Date.parse(left.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) -
            Date.parse(right.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
        );
    }
    return left.localeCompare(right);
}

function likePattern(pattern: string): RegExp {
    const escaped = pattern
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/%/g, '.*')
        .replace(/_/g, '.');
    return new RegExp(`^${escaped}$`, 'i');
}
