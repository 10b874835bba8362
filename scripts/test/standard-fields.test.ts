/**
 * The gate's standard-field list (scripts/validate/standard-fields.json, Metadata API types and
 * sizes) is the authority on standard fields; the org double's standard-objects.json adds what only
 * a describe has (picklist values, defaults, read-only and create-only flags, setup objects) and must
 * agree with it on every field both list.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SOURCE_TYPES } from '../lib/projectMetadata.ts';
import doubleObjects from '../org-double/standard-objects.json' with { type: 'json' };
import gateFields from '../validate/standard-fields.json' with { type: 'json' };

interface GateField {
    type: string;
    length?: number;
    precision?: number;
    scale?: number;
    referenceTo?: string[];
}

interface DoubleField {
    type: string;
    length?: number;
    precision?: number;
    scale?: number;
    referenceTo?: string[];
}

const gate = gateFields.objects as Record<string, Record<string, GateField>>;
const double = doubleObjects.objects as Record<string, { fields: Record<string, DoubleField> }>;

/** Differences between the double's field and the gate's, as readable lines. */
function disagreements(name: string, field: DoubleField, listed: GateField | undefined): string[] {
    if (!listed) {
        return [`${name} is not in standard-fields.json`];
    }
    const problems: string[] = [];
    const describeType = SOURCE_TYPES[listed.type];
    // The describe reports whole-number standard fields (NumberOfEmployees) as int.
    const wholeNumber = listed.type === 'Number' && (listed.scale ?? 0) === 0 && field.type === 'int';
    if (field.type !== describeType && !wholeNumber) {
        problems.push(`${name}: ${field.type} in the double, ${listed.type} (${describeType}) in the gate`);
    }
    for (const size of ['length', 'precision', 'scale'] as const) {
        if (field[size] !== undefined && field[size] !== listed[size]) {
            problems.push(`${name}: ${size} ${field[size]} in the double, ${listed[size]} in the gate`);
        }
    }
    const unknownTargets = (field.referenceTo ?? []).filter((target) => !listed.referenceTo?.includes(target));
    if (unknownTargets.length > 0) {
        problems.push(`${name}: refers to ${unknownTargets.join(', ')}, not in the gate's referenceTo`);
    }
    return problems;
}

describe('standard fields', () => {
    it("the org double's standard fields agree with the gate's list on type, length, digits and references", () => {
        const problems: string[] = [];
        let compared = 0;
        for (const [objectName, { fields }] of Object.entries(double)) {
            const listed = gate[objectName];
            if (!listed) {
                continue; // setup objects (LeadStatus, PermissionSet…) metadata never names
            }
            for (const [fieldName, field] of Object.entries(fields)) {
                compared++;
                problems.push(...disagreements(`${objectName}.${fieldName}`, field, listed[fieldName]));
            }
        }
        assert.deepEqual(problems, []);
        assert.ok(compared >= 80, `compared ${compared} fields`);
    });

    it('reports a field whose type or length drifted', () => {
        const listed: GateField = { type: 'Text', length: 80 };
        assert.deepEqual(disagreements('Lead.Title', { type: 'string', length: 128 }, listed), [
            'Lead.Title: length 128 in the double, 80 in the gate'
        ]);
        assert.deepEqual(disagreements('Lead.Title', { type: 'textarea', length: 80 }, listed), [
            'Lead.Title: textarea in the double, Text (string) in the gate'
        ]);
        assert.deepEqual(disagreements('Lead.Nope', { type: 'string' }, undefined), [
            'Lead.Nope is not in standard-fields.json'
        ]);
    });
});
