/**
 * Offline check of the project's LeadConvert.settings-meta.xml against the project's own field
 * definitions: every mapped field exists, input and output have the same type, a text output is
 * at least as long as its input, a number output has room for its input's digits, and a
 * restricted picklist output accepts every input value. Needs no org; other tools (the
 * deploy-readiness gate) can call `checkConversionMappingOffline`.
 */
import { PROJECT_ROOT } from '../lib/project.ts';
import {
    readLeadConvertSettings,
    readProjectObjects,
    type FieldDefinition,
    type ObjectDefinition
} from '../lib/projectMetadata.ts';

export interface MappingIssue {
    mapping: string;
    problem: string;
}

export interface OfflineMappingReport {
    file: string;
    mappings: number;
    issues: MappingIssue[];
}

const CONVERSION_TARGETS = ['Account', 'Contact', 'Opportunity'];

/** Why `input` cannot be carried into `output` by conversion, or undefined when it can. */
export function incompatibility(input: FieldDefinition, output: FieldDefinition): string | undefined {
    if (input.type !== output.type) {
        return `type ${input.type} cannot map to ${output.type}`;
    }
    if (output.readOnly) {
        return `${output.name} is read-only (formula, roll-up or auto-number)`;
    }
    if (input.length !== undefined && output.length !== undefined && input.length > output.length) {
        return `length ${input.length} does not fit in ${output.length}`;
    }
    if (input.precision !== undefined && output.precision !== undefined) {
        const inputDigits = input.precision - (input.scale ?? 0);
        const outputDigits = output.precision - (output.scale ?? 0);
        if (inputDigits > outputDigits || (input.scale ?? 0) > (output.scale ?? 0)) {
            return `number(${input.precision},${input.scale ?? 0}) does not fit in number(${output.precision},${output.scale ?? 0})`;
        }
    }
    if (output.restrictedPicklist) {
        const missing = (input.picklistValues ?? []).filter((value) => !(output.picklistValues ?? []).includes(value));
        if (missing.length > 0) {
            return `restricted picklist ${output.name} lacks ${missing.join(', ')}`;
        }
    }
    return undefined;
}

function findField(objects: ObjectDefinition[], objectName: string, fieldName: string): FieldDefinition | undefined {
    return objects
        .find((object) => object.name === objectName)
        ?.fields.find((field) => field.name.toLowerCase() === fieldName.toLowerCase());
}

export async function checkConversionMappingOffline(projectDir: string = PROJECT_ROOT): Promise<OfflineMappingReport> {
    const { file, settings } = await readLeadConvertSettings(projectDir);
    const objects = await readProjectObjects(projectDir);
    const issues: MappingIssue[] = [];
    let mappings = 0;
    for (const objectMapping of settings.objectMapping) {
        if (objectMapping.inputObject !== 'Lead' || !CONVERSION_TARGETS.includes(objectMapping.outputObject)) {
            issues.push({
                mapping: `${objectMapping.inputObject} → ${objectMapping.outputObject}`,
                problem: 'conversion maps Lead to Account, Contact or Opportunity only'
            });
            continue;
        }
        const seen = new Set<string>();
        for (const { inputField, outputField } of objectMapping.mappingFields) {
            mappings++;
            const mapping = `Lead.${inputField} → ${objectMapping.outputObject}.${outputField}`;
            if (seen.has(outputField.toLowerCase())) {
                issues.push({
                    mapping,
                    problem: `${objectMapping.outputObject}.${outputField} is the target of more than one mapping`
                });
            }
            seen.add(outputField.toLowerCase());
            const input = findField(objects, 'Lead', inputField);
            const output = findField(objects, objectMapping.outputObject, outputField);
            if (!input) {
                issues.push({ mapping, problem: `Lead.${inputField} is not defined in the project` });
            }
            if (!output) {
                issues.push({
                    mapping,
                    problem: `${objectMapping.outputObject}.${outputField} is not defined in the project`
                });
            }
            const problem = input && output ? incompatibility(input, output) : undefined;
            if (problem) {
                issues.push({ mapping, problem });
            }
        }
    }
    return { file, mappings, issues };
}
