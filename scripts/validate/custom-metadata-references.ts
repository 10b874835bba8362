/**
 * Custom metadata records: the record's type exists, each value names a field of the type and
 * fits it (picklist value, checkbox, number). Baton's configuration types also hold Lead field
 * names with comparison values (criteria: Field__c / Operator__c / Value__c; SLA policies:
 * Segment_Field__c / Segment_Value__c): the Lead field must exist, and a value compared with a
 * picklist, checkbox or number field must be one that field can hold.
 */
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

/** Operators whose value is one value (or a `;`-separated list) the field itself must be able to hold. */
const EQUALITY_OPERATORS = new Set(['Equals', 'Not Equals', 'In', 'Not In']);
const LIST_OPERATORS = new Set(['In', 'Not In']);
const ORDERING_OPERATORS = new Set(['Greater Than', 'Greater Or Equal', 'Less Than', 'Less Or Equal']);
const NUMBER_TYPES = new Set(['Number', 'Currency', 'Percent']);

interface RecordValue {
    element: XmlElement;
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
            const value = valueElement?.attributes['xsi:nil'] === 'true' ? undefined : valueElement?.text.trim();
            values.set(fieldName.toLowerCase(), { element: entry, value: value === '' ? undefined : value });
            const field = type.fields.get(fieldName.toLowerCase());
            const at = reportAt(report, record, entry);
            if (!field) {
                at(`unknown field ${typeName}.${fieldName}`);
            } else if (value) {
                const problem = valueProblem(field, value, false);
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
    if (!named?.value) {
        return;
    }
    const at = reportAt(report, record, named.element);
    if (named.value.includes('.')) {
        at(`${reference.field} must name a Lead field, not a path ("${named.value}")`);
        return;
    }
    const leadField = resolveField(model, `Lead.${named.value}`, at);
    const compared = values.get(reference.value.toLowerCase());
    const operator = reference.operator ? values.get(reference.operator.toLowerCase())?.value : 'Equals';
    if (!leadField || !compared?.value || !operator) {
        return;
    }
    const atValue = reportAt(report, record, compared.element);
    if (EQUALITY_OPERATORS.has(operator)) {
        const items = LIST_OPERATORS.has(operator)
            ? compared.value.split(';').map((item) => item.trim())
            : [compared.value];
        for (const item of items.filter((candidate) => candidate !== '')) {
            const problem = valueProblem(leadField, item, true);
            if (problem) {
                atValue(`Lead.${leadField.name}: ${problem}`);
            }
        }
    } else if (ORDERING_OPERATORS.has(operator) && NUMBER_TYPES.has(leadField.type) && !isNumber(compared.value)) {
        atValue(`Lead.${leadField.name} is a number; "${compared.value}" is not (operator ${operator})`);
    }
}

/** Why a value cannot be held by a field; picklist values compare case-insensitively when asked. */
function valueProblem(field: FieldInfo, value: string, ignoreCase: boolean): string | undefined {
    if (field.picklistValues) {
        const matches = (candidate: string): boolean =>
            ignoreCase ? candidate.toLowerCase() === value.toLowerCase() : candidate === value;
        return field.picklistValues.some(matches)
            ? undefined
            : `"${value}" is not one of its values (${field.picklistValues.join(', ')})`;
    }
    if (field.type === 'Checkbox' && !['true', 'false'].includes(value.toLowerCase())) {
        return `a checkbox; "${value}" is not true or false`;
    }
    if (NUMBER_TYPES.has(field.type) && !isNumber(value)) {
        return `a number; "${value}" is not`;
    }
    return undefined;
}

function isNumber(value: string): boolean {
    return value.trim() !== '' && Number.isFinite(Number(value));
}
