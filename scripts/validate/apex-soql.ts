/**
 * Static SOQL in Apex (`[SELECT … FROM …]`): the Apex language server resolves field names in
 * expressions but not inside queries, which a deploy compiles and rejects ("No such column").
 * This resolves the queried object, the selected, filtered, grouped and ordered fields and their
 * relationship paths against the project's objects and the standard-field list. Standard names
 * are checked only on objects whose standard fields are listed; a standard relationship that
 * cannot be followed (polymorphic owners, record types…) ends the path without a report.
 */
import { parseQuery, type FieldType, type Query } from '@jetstreamapp/soql-parser-js';
import type { Problem } from './check.ts';
import type { ApexSource } from './apex-sources.ts';
import { findField, relationshipField, type ProjectModel } from './project-model.ts';

/** The parts of the parser's WHERE/HAVING, GROUP BY and ORDER BY nodes the check reads. */
interface FieldOrFunction {
    field?: string;
    fn?: { parameters?: unknown[] };
}

interface ConditionNode {
    left?: (FieldOrFunction & { valueQuery?: Query }) | null;
    right?: ConditionNode;
}

interface StaticQuery {
    text: string;
    line: number;
}

/** `[SELECT …]` blocks of an Apex source (not in strings or comments), with the line each starts on. */
export function findStaticQueries(source: string): StaticQuery[] {
    const queries: StaticQuery[] = [];
    for (let index = 0; index < source.length; index++) {
        const skipped = skipLiteralOrComment(source, index);
        if (skipped !== index) {
            index = skipped;
        } else if (source[index] === '[' && /^\[\s*SELECT\b/i.test(source.slice(index, index + 64))) {
            const end = closingBracket(source, index);
            if (end === -1) {
                break;
            }
            queries.push({ text: source.slice(index + 1, end), line: lineAt(source, index) });
            index = end;
        }
    }
    return queries;
}

/** The last index of a string literal or comment starting at `index`, or `index` itself. */
function skipLiteralOrComment(source: string, index: number): number {
    if (source[index] === "'") {
        for (let end = index + 1; end < source.length; end++) {
            if (source[end] === '\\') {
                end++;
            } else if (source[end] === "'") {
                return end;
            }
        }
        return source.length;
    }
    if (source.startsWith('//', index)) {
        const end = source.indexOf('\n', index);
        return end === -1 ? source.length : end;
    }
    if (source.startsWith('/*', index)) {
        const end = source.indexOf('*/', index + 2);
        return end === -1 ? source.length : end + 1;
    }
    return index;
}

/** Index of the `]` closing the `[` at `open`, skipping string literals and nested brackets. */
function closingBracket(source: string, open: number): number {
    let depth = 0;
    for (let index = open; index < source.length; index++) {
        index = skipLiteralOrComment(source, index);
        if (source[index] === '[') {
            depth++;
        } else if (source[index] === ']' && --depth === 0) {
            return index;
        }
    }
    return -1;
}

function lineAt(text: string, index: number): number {
    let line = 1;
    for (
        let position = text.indexOf('\n');
        position !== -1 && position < index;
        position = text.indexOf('\n', position + 1)
    ) {
        line++;
    }
    return line;
}

/** Bind variables in LIMIT and OFFSET, which the parser only accepts as numbers. */
const NUMERIC_BINDS = /\b(LIMIT|OFFSET)\s*:\s*[\w.]+(\([^)]*\))?/gi;

export function checkApexQueries(model: ProjectModel, apex: ApexSource[]): Problem[] {
    const problems: Problem[] = [];
    for (const { relative, text } of apex) {
        for (const query of findStaticQueries(text)) {
            let parsed: Query;
            try {
                parsed = parseQuery(query.text.replace(NUMERIC_BINDS, '$1 1'), { allowApexBindVariables: true });
            } catch {
                continue; // syntax is the Apex language server's part
            }
            for (const message of new Set(queryProblems(model, parsed))) {
                const name = /\S+$/.exec(message)?.[0].split('.').at(-1) ?? '';
                const offset = query.text.search(new RegExp(`\\b${name}\\b`));
                problems.push({
                    file: relative,
                    line: query.line + (offset === -1 ? 0 : lineAt(query.text, offset) - 1),
                    message
                });
            }
        }
    }
    return problems;
}

function queryProblems(model: ProjectModel, query: Query): string[] {
    const objectName = query.sObject ?? '';
    const object = model.objects.get(objectName.toLowerCase());
    if (!object) {
        return /__(c|mdt)$/i.test(objectName) ? [`SOQL: unknown object ${objectName}`] : [];
    }
    const problems: string[] = [];
    const check = (path: string): void => {
        const problem = pathProblem(model, object.name, path, query.sObjectAlias);
        if (problem) {
            problems.push(problem);
        }
    };
    for (const field of query.fields ?? []) {
        selectedPaths(field).forEach(check);
    }
    const where = query.where as ConditionNode | undefined;
    const clauses = [...conditions(where), ...conditions(query.having as ConditionNode | undefined)];
    const sorting = [query.groupBy ?? [], query.orderBy ?? []].flat(2) as FieldOrFunction[];
    for (const clause of [...clauses, ...sorting]) {
        [clause.field, ...(clause.fn?.parameters ?? [])].filter(isPath).forEach(check);
    }
    for (const subquery of conditions(where).flatMap(({ valueQuery }) => (valueQuery ? [valueQuery] : []))) {
        problems.push(...queryProblems(model, subquery));
    }
    return problems;
}

function isPath(value: unknown): value is string {
    return typeof value === 'string' && /^[A-Za-z]\w*(\.[A-Za-z]\w*)*$/.test(value);
}

function selectedPaths(field: FieldType): string[] {
    switch (field.type) {
        case 'Field':
            return [field.field];
        case 'FieldRelationship':
            return [field.rawValue ?? [...field.relationships, field.field].join('.')];
        case 'FieldFunctionExpression':
            return field.parameters.filter(isPath);
        default:
            return []; // child subqueries and TYPEOF
    }
}

/** The conditions of a WHERE or HAVING clause, in order. */
function conditions(where: ConditionNode | undefined): (FieldOrFunction & { valueQuery?: Query })[] {
    const found: (FieldOrFunction & { valueQuery?: Query })[] = [];
    for (let clause = where; clause; clause = clause.right) {
        if (clause.left) {
            found.push(clause.left);
        }
    }
    return found;
}

/** Why `a.b.Field` does not resolve from an object, or undefined (also when it cannot be followed). */
function pathProblem(
    model: ProjectModel,
    objectName: string,
    path: string,
    alias: string | undefined
): string | undefined {
    const parts = path.split('.');
    if (alias && parts.length > 1 && parts[0]?.toLowerCase() === alias.toLowerCase()) {
        parts.shift();
    }
    let current = objectName;
    for (const [index, part] of parts.entries()) {
        const last = index === parts.length - 1;
        const custom = last ? /__c$/i.test(part) : /__[cr]$/i.test(part);
        const field =
            last || /__c$/i.test(part) ? findField(model, current, part) : relationshipField(model, current, part);
        if (!field) {
            const listed = custom || model.objects.get(current.toLowerCase())?.standardFieldsListed;
            if (!listed || !(last || custom)) {
                return undefined;
            }
            return last ? `SOQL: unknown field ${current}.${part}` : `SOQL: unknown relationship ${current}.${part}`;
        }
        if (!last) {
            const [target, ...others] = field.referenceTo ?? [];
            if (!target || others.length > 0 || !model.objects.has(target.toLowerCase())) {
                return undefined;
            }
            current = model.objects.get(target.toLowerCase())?.name ?? target;
        }
    }
    return undefined;
}
