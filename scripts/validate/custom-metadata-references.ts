/**
 * Custom metadata records: the record's type exists, each value names a field of the type and
 * fits it (picklist value, checkbox, a number within the field's precision and scale). Baton's
 * configuration types also hold Lead field names with comparison values (criteria: Field__c /
 * Operator__c / Value__c; SLA policies: Segment_Field__c / Segment_Value__c): the Lead field must
 * exist, and the criteria engine itself judges the rule against the field's type, so the gate
 * reports exactly the rules the engines would skip (same parser, same operator and type rules);
 * values compared with a picklist must be among its values.
 */
import { equalsIgnoreCase } from '../lib/criteria/caseFold.ts';
import { evaluateRule, type Criterion } from '../lib/criteria/engine.ts';
import { isPlainFieldName, parseNumber, splitList, trimSpaces } from '../lib/criteria/values.ts';
import { resolveField, reportAt, type Reporter } from './field-references.ts';
import { componentsOf, type FieldInfo, type MetadataComponent, type ProjectModel } from './project-model.ts';
import { childrenNamed, childText, type XmlElement } from './xml.ts';

interface LeadFieldReference {
    field: string;
    value: string;
    operator?: string;
}

/** Custom metadata fields holding a Lead field API name, with the value compared to it. */
const LEAD_FIELD_REFERENCES: Record<string, LeadFieldReference> = {
    lead_stage_criterion__mdt: { field: 'Field__c', value: 'Value__c', operator: 'Operator__c' },
    lead_sla_policy__mdt: { field: 'Segment_Field__c', value: 'Segment_Value__c' }
};

/** Operators whose value items the field itself must be able to hold (picklist values). */
const EQUALITY_OPERATORS = new Set(['Equals', 'Not Equals', 'In', 'Not In']);
const SELECTION_OPERATORS = new Set([...EQUALITY_OPERATORS, 'Contains', 'Does Not Contain']);
const NUMBER_TYPES = new Set(['Number', 'Currency', 'Percent']);

/** Metadata API field types in the criteria engines' words (the vectors' type names). */
const ENGINE_TYPE_OF: Readonly<Record<string, string>> = {
    Text: 'text',
    TextArea: 'textarea',
    LongTextArea: 'longtextarea',
    Html: 'richtextarea',
    EncryptedText: 'encryptedtext',
    Email: 'email',
    Phone: 'phone',
    Url: 'url',
    Picklist: 'picklist',
    MultiselectPicklist: 'multipicklist',
    Number: 'number',
    Currency: 'currency',
    Percent: 'percent',
    Date: 'date',
    DateTime: 'datetime',
    Checkbox: 'checkbox',
    Id: 'id',
    Lookup: 'reference',
    MasterDetail: 'reference',
    Hierarchy: 'reference'
};

interface RecordValue {
    element: XmlElement;
    /** The value as written (untrimmed); undefined when nil or empty. */
    value: string | undefined;
}

export function checkCustomMetadataRecords(model: ProjectModel, report: Reporter): void {
    for (const record of componentsOf(model, 'CustomMetadata')) {
        const typeName = `${record.name.split('.')[0] ?? ''}__mdt`;
        const type = model.objects.get(typeName.toLowerCase());
        if (!type) {
            report(record, record.root, `unknown custom metadata type ${typeName}`);
            continue;
        }
        const values = new Map<string, RecordValue>();
        for (const entry of childrenNamed(record.root, 'values')) {
            const fieldName = childText(entry, 'field') ?? '';
            const valueElement = entry.children.find((child) => child.name === 'value');
            const value = valueElement?.attributes['xsi:nil'] === 'true' ? undefined : valueElement?.text;
            values.set(fieldName.toLowerCase(), { element: entry, value: value === '' ? undefined : value });
            const field = type.fields.get(fieldName.toLowerCase());
            const at = reportAt(report, record, entry);
            if (!field) {
                at(`unknown field ${typeName}.${fieldName}`);
            } else if (value) {
                const problem = valueProblem(field, trimSpaces(value));
                if (problem) {
                    at(`${typeName}.${fieldName}: ${problem}`);
                }
            }
        }
        const reference = LEAD_FIELD_REFERENCES[typeName.toLowerCase()];
        if (reference) {
            checkLeadFieldReference(model, record, values, reference, report);
        }
    }
}

function checkLeadFieldReference(
    model: ProjectModel,
    record: MetadataComponent,
    values: Map<string, RecordValue>,
    reference: LeadFieldReference,
    report: Reporter
): void {
    const named = values.get(reference.field.toLowerCase());
    const fieldName = trimSpaces(named?.value ?? '');
    if (!named || fieldName === '') {
        return;
    }
    const at = reportAt(report, record, named.element);
    if (!isPlainFieldName(fieldName)) {
        at(`${reference.field} must be one Lead field API name, not "${fieldName}" (no relationship path)`);
        return;
    }
    const leadField = resolveField(model, `Lead.${fieldName}`, at);
    const compared = values.get(reference.value.toLowerCase());
    const operator = reference.operator ? values.get(reference.operator.toLowerCase())?.value : 'Equals';
    if (!leadField || !operator || (!reference.operator && !compared?.value)) {
        return;
    }
    const atValue = reportAt(report, record, compared?.element ?? named.element);
    const problem = engineProblem(leadField, trimSpaces(operator), compared?.value ?? null);
    if (problem) {
        atValue(`Lead.${leadField.name}: ${problem}`);
    }
}

/**
 * Why the criteria engine would skip this rule on a field of this type, in the engine's own words; or why
 * a compared value can never match the picklist; undefined when the rule is evaluated.
 */
function engineProblem(field: FieldInfo, operator: string, value: string | null): string | undefined {
    const probe: Criterion = {
        DeveloperName: 'Gate',
        Stage__c: 'SAL',
        Dimension__c: 'Acceptance',
        Field__c: field.name,
        Operator__c: operator,
        Value__c: value,
        Points__c: null,
        Required__c: false,
        Active__c: true,
        Sort_Order__c: null
    };
    const type = ENGINE_TYPE_OF[field.type] ?? field.type.toLowerCase();
    const result = evaluateRule({ [field.name]: { type, value: null } }, probe, 'SAL');
    if (result.outcome === 'Skipped') {
        return `${result.detail.replace(/^Skipped: /, '')} (the engines would skip this rule)`;
    }
    if (!field.picklistValues || value === null || !SELECTION_OPERATORS.has(operator)) {
        return undefined;
    }
    const listed = operator === 'In' || operator === 'Not In' || type === 'multipicklist';
    const items = listed ? splitList(value) : [trimSpaces(value)];
    const unknown = items.find((item) => !field.picklistValues?.some((known) => equalsIgnoreCase(known, item)));
    return unknown === undefined
        ? undefined
        : `"${unknown}" is not one of its values (${field.picklistValues.join(', ')})`;
}

/** Why a value cannot be held by a custom metadata field of the record's own type. */
function valueProblem(field: FieldInfo, value: string): string | undefined {
    if (field.picklistValues) {
        return field.picklistValues.includes(value)
            ? undefined
            : `"${value}" is not one of its values (${field.picklistValues.join(', ')})`;
    }
    if (field.type === 'Checkbox' && !['true', 'false'].includes(value.toLowerCase())) {
        return `a checkbox; "${value}" is not true or false`;
    }
    return NUMBER_TYPES.has(field.type) ? numberProblem(field, value) : undefined;
}

/** A number the field can hold: a plain decimal with at most `scale` decimals and `precision` digits in all. */
function numberProblem(field: FieldInfo, value: string): string | undefined {
    const number = parseNumber(value);
    if (!number) {
        return `a number; "${value}" is not (plain decimals only, such as -20 or 2.5)`;
    }
    const scale = field.scale ?? 0;
    if (number.decimalPlaces() > scale) {
        return scale === 0
            ? `holds whole numbers only; ${value} has decimals`
            : `holds ${scale} decimal places; ${value} has ${number.decimalPlaces()}`;
    }
    const integerDigits = number.abs().trunc().toFixed().replace(/^0$/, '').length;
    if (field.precision !== undefined && integerDigits > field.precision - scale) {
        return `holds at most ${field.precision - scale} digits before the decimal point; ${value} has ${integerDigits}`;
    }
    return undefined;
}
