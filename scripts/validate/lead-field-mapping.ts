/**
 * Salesforce's rules for mapping a Lead field onto an Account, Contact or Opportunity field at
 * conversion (Setup › Lead › Map Lead Fields; "Guidelines for Mapping Custom Lead Fields"):
 * - checkbox, currency, date, date/time, email, geolocation, encrypted text, number, percent,
 *   phone, multi-select picklist, long text, rich text and URL map only to the same type;
 * - auto-number maps to text or text area;
 * - text and text area map to text, text area, long text or an unrestricted picklist;
 * - picklist maps to text, text area or an unrestricted picklist (not long text);
 * - lookup maps to a lookup to the same object;
 * - the target must be at least as long (number: as many digits before and after the point).
 * Beyond the guidelines, conversion can only write a writable target (not a formula, roll-up or
 * auto-number), and a restricted target (a multi-select picklist) must accept every source value.
 * The deploy-readiness gate and `verify:conversion --offline` both apply these rules.
 */
import type { FieldInfo } from './project-model.ts';

const SAME_TYPE_ONLY = new Set([
    'Checkbox',
    'Currency',
    'Date',
    'DateTime',
    'Email',
    'Location',
    'EncryptedText',
    'Number',
    'Percent',
    'Phone',
    'MultiselectPicklist',
    'LongTextArea',
    'Html',
    'Url'
]);

const ALLOWED_TARGETS: Record<string, string[]> = {
    AutoNumber: ['Text', 'TextArea'],
    Text: ['Text', 'TextArea', 'LongTextArea', 'Picklist'],
    TextArea: ['Text', 'TextArea', 'LongTextArea', 'Picklist'],
    Picklist: ['Text', 'TextArea', 'Picklist']
};

/** Field types the platform computes: conversion cannot write them. */
const READ_ONLY_TYPES: Record<string, string> = { AutoNumber: 'an auto-number', Summary: 'a roll-up summary' };

/** Length of a text area whose metadata has none (standard text areas are 255). */
const DEFAULT_LENGTH: Record<string, number> = { TextArea: 255 };

/** Why a Lead field cannot map onto a target field, or undefined when it can. */
export function mappingIncompatibility(source: FieldInfo, target: FieldInfo): string | undefined {
    if (target.formula) {
        return `the target is a formula field (read-only)`;
    }
    const readOnly = READ_ONLY_TYPES[target.type];
    if (readOnly) {
        return `the target is ${readOnly} field (read-only)`;
    }
    return typeProblem(source, target) ?? sizeProblem(source, target) ?? valueProblem(source, target);
}

function typeProblem(source: FieldInfo, target: FieldInfo): string | undefined {
    const pair = `${source.type} → ${target.type}`;
    if (SAME_TYPE_ONLY.has(source.type)) {
        return source.type === target.type
            ? undefined
            : `${pair}: a ${source.type} field maps only to a ${source.type} field`;
    }
    if (source.type === 'Lookup') {
        return target.type === 'Lookup' && sameReference(source, target)
            ? undefined
            : `${pair}: a lookup maps only to a lookup to the same object (${(source.referenceTo ?? []).join(', ')})`;
    }
    const allowed = ALLOWED_TARGETS[source.type];
    if (!allowed) {
        return `${pair}: a ${source.type} field cannot be mapped`;
    }
    if (!allowed.includes(target.type)) {
        return `${pair}: a ${source.type} field maps only to ${allowed.join(', ')}`;
    }
    if (target.type === 'Picklist' && target.restrictedPicklist) {
        return `${pair}: the target picklist must be unrestricted`;
    }
    return undefined;
}

function sameReference(source: FieldInfo, target: FieldInfo): boolean {
    const from = (source.referenceTo ?? []).map((name) => name.toLowerCase()).sort();
    const to = (target.referenceTo ?? []).map((name) => name.toLowerCase()).sort();
    return from.length > 0 && from.join() === to.join();
}

function sizeProblem(source: FieldInfo, target: FieldInfo): string | undefined {
    const sourceLength = source.length ?? DEFAULT_LENGTH[source.type];
    const targetLength = target.length ?? DEFAULT_LENGTH[target.type];
    if (sourceLength !== undefined && targetLength !== undefined && targetLength < sourceLength) {
        return `the target holds ${targetLength} characters, the source up to ${sourceLength}`;
    }
    if (source.precision !== undefined && target.precision !== undefined) {
        const sourceScale = source.scale ?? 0;
        const targetScale = target.scale ?? 0;
        if (target.precision - targetScale < source.precision - sourceScale || targetScale < sourceScale) {
            return `the target is (${target.precision}, ${targetScale}), smaller than the source (${source.precision}, ${sourceScale})`;
        }
    }
    return undefined;
}

/** A restricted target rejects a value it does not list (known only when both value sets are in the project). */
function valueProblem(source: FieldInfo, target: FieldInfo): string | undefined {
    if (!target.restrictedPicklist || !source.picklistValues || !target.picklistValues) {
        return undefined;
    }
    const accepted = new Set(target.picklistValues);
    const missing = source.picklistValues.filter((value) => !accepted.has(value));
    return missing.length > 0 ? `the restricted target picklist lacks ${missing.join(', ')}` : undefined;
}
