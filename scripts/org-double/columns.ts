/**
 * `GET …/query?q=<soql>&columns=true`: the columns a query returns, without running it. The REST
 * API Developer Guide does not document the `columns` parameter, but the platform answers it and
 * the Salesforce CLI relies on it: `sf data query` reads `columnMetadata` (`columnName`,
 * `displayName`, `aggregate`, `joinColumns`) to lay out its table. The double answers the keys the
 * CLI reads, with field names as the describe spells them.
 */
import { parseQuery, type FieldType } from '@jetstreamapp/soql-parser-js';
import { ApiError } from './apiError.ts';
import { relationshipField, type SchemaObject } from './schema.ts';
import type { Store } from './store.ts';

interface ColumnMetadata {
    aggregate: boolean;
    columnName: string;
    displayName: string;
    joinColumns: ColumnMetadata[];
}

function column(name: string, aggregate = false, displayName = name): ColumnMetadata {
    return { aggregate, columnName: name, displayName, joinColumns: [] };
}

function fieldName(object: SchemaObject | undefined, name: string): string {
    return object?.fields.get(name.toLowerCase())?.name ?? name;
}

/** `Account.Owner.Name` as nested columns: Account → Owner → Name. */
function relationshipColumn(
    store: Store,
    object: SchemaObject | undefined,
    path: string[],
    field: string
): ColumnMetadata {
    const [head, ...rest] = path;
    if (head === undefined) {
        return column(fieldName(object, field));
    }
    const reference = object ? relationshipField(object, head) : undefined;
    const target = reference?.referenceTo?.[0];
    const next = target && store.schema.has(target.toLowerCase()) ? store.object(target) : undefined;
    return {
        ...column(reference?.relationshipName ?? head),
        joinColumns: [relationshipColumn(store, next, rest, field)]
    };
}

export function queryColumns(store: Store, soql: string): unknown {
    let query;
    try {
        query = parseQuery(soql);
    } catch (error) {
        throw new ApiError('MALFORMED_QUERY', (error as Error).message);
    }
    const object = store.object(query.sObject ?? '');
    let expressions = 0;
    const columns = (query.fields ?? []).map((field: FieldType): ColumnMetadata => {
        switch (field.type) {
            case 'Field':
                return column(fieldName(object, field.field));
            case 'FieldRelationship':
                return relationshipColumn(store, object, field.relationships, field.field);
            case 'FieldFunctionExpression':
                return column(field.alias ?? `expr${expressions++}`, true, field.rawValue ?? field.functionName);
            default:
                throw new ApiError('MALFORMED_QUERY', `The org double does not describe the columns of ${field.type}`);
        }
    });
    return {
        columnMetadata: columns,
        entityName: object.name,
        groupBy: query.groupBy !== undefined,
        idSelected: columns.some((item) => item.columnName === 'Id'),
        keyPrefixes: [object.keyPrefix]
    };
}
