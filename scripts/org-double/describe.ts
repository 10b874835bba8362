/** The REST describe of an object in the org double (the subset of keys clients read). */
import type { FieldDefinition } from '../lib/projectMetadata.ts';
import { addressPicklistEntry } from './addresses.ts';
import type { SchemaObject } from './schema.ts';

/**
 * Long text areas (text areas longer than 255 characters) cannot be filtered in SOQL: describe
 * reports `filterable: false` and a WHERE clause on one fails (Object Reference, "Field Types":
 * textarea; SOQL and SOSL Reference, "Filtering on Special Field Types").
 */
export function isFilterable(field: FieldDefinition): boolean {
    return !(field.type === 'textarea' && (field.length ?? 0) > 255);
}

/**
 * `defaultValue` as describe reports it (REST API Developer Guide, "sObject Describe", Field):
 * the checkbox default for booleans; null for picklists, whose default is flagged on the value.
 */
function defaultValue(field: FieldDefinition): unknown {
    if (field.type === 'boolean') {
        return field.defaultValue === 'true';
    }
    return field.type === 'picklist' || field.type === 'multipicklist' ? null : (field.defaultValue ?? null);
}

function describeField(field: FieldDefinition, writableObject: boolean): Record<string, unknown> {
    const writable = !field.readOnly && field.type !== 'id' && writableObject;
    const entries = (field.picklistValues ?? []).map((value) => ({
        value,
        entry: addressPicklistEntry(field.name, value)
    }));
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
        filterable: isFilterable(field),
        defaultValue: defaultValue(field),
        defaultValueFormula: null,
        defaultedOnCreate: field.defaultValue !== undefined,
        restrictedPicklist: field.restrictedPicklist ?? false,
        dependentPicklist: entries.some(({ entry }) => entry?.controllerName !== undefined),
        controllerName: entries.find(({ entry }) => entry?.controllerName)?.entry?.controllerName ?? null,
        picklistValues: entries.map(({ value, entry }) => ({
            value,
            label: entry?.label ?? value,
            active: true,
            defaultValue: value === field.defaultValue,
            validFor: entry?.validFor ?? null
        })),
        referenceTo: field.referenceTo ?? [],
        relationshipName: field.relationshipName ?? null
    };
}

/** The describe of `object`; `writable` is whether the running user may create, edit and delete it. */
export function describeObject(object: SchemaObject, writable: boolean): Record<string, unknown> {
    return {
        name: object.name,
        label: object.label,
        custom: object.custom,
        keyPrefix: object.keyPrefix,
        queryable: true,
        createable: writable,
        updateable: writable,
        deletable: writable,
        fields: [...object.fields.values()].map((field) => describeField(field, writable))
    };
}
