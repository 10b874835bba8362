/** The REST describe of an object in the org double (the subset of keys clients read). */
import type { FieldDefinition } from '../lib/projectMetadata.ts';
import type { SchemaObject } from './schema.ts';

function describeField(field: FieldDefinition, readOnlyObject: boolean): Record<string, unknown> {
    const writable = !field.readOnly && field.type !== 'id' && !readOnlyObject;
    return {
        name: field.name,
        label: field.label,
        type: field.type,
        length: field.length ?? 0,
        precision: field.type === 'int' ? 0 : (field.precision ?? 0),
        digits: field.type === 'int' ? (field.precision ?? 9) : 0,
        scale: field.scale ?? 0,
        nillable: !field.required && field.type !== 'boolean',
        createable: writable,
        updateable: writable && !field.createOnly,
        calculated: field.readOnly && field.type !== 'id',
        externalId: field.externalId,
        unique: field.unique,
        defaultValueFormula: null,
        defaultedOnCreate: field.defaultValue !== undefined,
        restrictedPicklist: field.restrictedPicklist ?? false,
        picklistValues: (field.picklistValues ?? []).map((value) => ({
            value,
            label: value,
            active: true,
            defaultValue: value === field.defaultValue
        })),
        referenceTo: field.referenceTo ?? [],
        relationshipName: field.relationshipName ?? null
    };
}

export function describeObject(object: SchemaObject): Record<string, unknown> {
    return {
        name: object.name,
        label: object.label,
        custom: object.custom,
        keyPrefix: object.keyPrefix,
        queryable: true,
        createable: !object.readOnlyObject,
        updateable: !object.readOnlyObject,
        deletable: !object.readOnlyObject,
        fields: [...object.fields.values()].map((field) => describeField(field, object.readOnlyObject))
    };
}
