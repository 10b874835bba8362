import { createRequire } from 'node:module';
import additions from './schema-additions.json' with { type: 'json' };

/** A Metadata API type: its elements (name → type name; an array marks a repeatable element). */
export interface SchemaType {
    props: Record<string, string | [string]>;
    extends?: string;
}

const require = createRequire(import.meta.url);
const { ApiSchemas } = require('@jsforce/jsforce-node/lib/api/metadata/schema.js') as {
    ApiSchemas: Record<string, SchemaType>;
};

const SCHEMA: Record<string, SchemaType> = mergeAdditions(ApiSchemas, additions.types);

function mergeAdditions(
    base: Record<string, SchemaType>,
    extra: Record<string, { props: Record<string, unknown>; extends?: string }>
): Record<string, SchemaType> {
    const merged = { ...base };
    for (const [name, addition] of Object.entries(extra)) {
        const existing = merged[name];
        const parent = existing?.extends ?? addition.extends;
        merged[name] = {
            ...existing,
            ...(parent ? { extends: parent } : {}),
            props: { ...existing?.props, ...(addition.props as SchemaType['props']) }
        };
    }
    return merged;
}

/** The XSD simple types the schema uses for leaf elements. */
const LEAF_TYPES = new Set(['string', 'number', 'boolean', 'any']);

export type ElementType = { kind: 'leaf' } | { kind: 'complex'; type: string } | { kind: 'unknown' };

/** Every element a type allows, including inherited ones (fullName from Metadata, …). */
export function allowedElements(typeName: string): Map<string, string> {
    const allowed = new Map<string, string>();
    for (let type = SCHEMA[typeName]; type; type = type.extends ? SCHEMA[type.extends] : undefined) {
        for (const [element, declared] of Object.entries(type.props)) {
            if (!allowed.has(element)) {
                allowed.set(element, (Array.isArray(declared) ? declared[0] : declared).replace(/^\?/, ''));
            }
        }
    }
    return allowed;
}

export function elementType(typeName: string): ElementType {
    if (LEAF_TYPES.has(typeName)) {
        return { kind: 'leaf' };
    }
    return SCHEMA[typeName] ? { kind: 'complex', type: typeName } : { kind: 'unknown' };
}

/** Whether a name is a deployable Metadata API type (extends Metadata). */
export function isMetadataType(typeName: string): boolean {
    for (let type = SCHEMA[typeName]; type; type = type.extends ? SCHEMA[type.extends] : undefined) {
        if (type.extends === 'Metadata') {
            return true;
        }
    }
    return false;
}
