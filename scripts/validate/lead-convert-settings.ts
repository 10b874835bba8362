/**
 * Checks the project's LeadConvertSettings mappings: each maps Lead onto Account, Contact or
 * Opportunity, both fields exist, each target is mapped once, and the pair obeys the lead field
 * mapping rules. The deploy-readiness gate reports the problems at their lines;
 * `verify:conversion --offline` lists them by mapping.
 */
import { resolveField } from './field-references.ts';
import { mappingIncompatibility } from './lead-field-mapping.ts';
import { componentsOf, type MetadataComponent, type ProjectModel } from './project-model.ts';
import { childrenNamed, childText, type XmlElement } from './xml.ts';

export interface MappingProblem {
    component: MetadataComponent;
    /** The `mappingFields` entry, or the `objectMapping` when the objects are wrong. */
    element: XmlElement;
    /** `Lead.X__c → Opportunity.X__c`, or `Lead → Case`. */
    mapping: string;
    /** What is wrong, without naming the mapping again. */
    problem: string;
    /** The problem in a sentence that names the mapping's fields (what the gate prints). */
    message: string;
}

export interface MappingCheck {
    /** Field mappings checked (those of Lead → Account, Contact or Opportunity). */
    mappings: number;
    problems: MappingProblem[];
}

const CONVERSION_TARGETS = ['account', 'contact', 'opportunity'];

export function checkLeadConvertMappings(model: ProjectModel): MappingCheck {
    const result: MappingCheck = { mappings: 0, problems: [] };
    for (const component of componentsOf(model, 'LeadConvertSettings')) {
        for (const objectMapping of childrenNamed(component.root, 'objectMapping')) {
            const input = childText(objectMapping, 'inputObject') ?? '';
            const output = childText(objectMapping, 'outputObject') ?? '';
            if (input.toLowerCase() !== 'lead' || !CONVERSION_TARGETS.includes(output.toLowerCase())) {
                const problem = 'conversion maps Lead to Account, Contact or Opportunity only';
                result.problems.push({
                    component,
                    element: objectMapping,
                    mapping: `${input} → ${output}`,
                    problem,
                    message: `${input} → ${output}: ${problem}`
                });
                continue;
            }
            const targets = new Set<string>();
            for (const entry of childrenNamed(objectMapping, 'mappingFields')) {
                result.mappings++;
                const inputField = `${input}.${childText(entry, 'inputField') ?? ''}`;
                const outputField = `${output}.${childText(entry, 'outputField') ?? ''}`;
                const mapping = `${inputField} → ${outputField}`;
                const add = (problem: string, message = problem): void => {
                    result.problems.push({ component, element: entry, mapping, problem, message });
                };
                const source = resolveField(model, inputField, add);
                const target = resolveField(model, outputField, add);
                if (targets.has(outputField.toLowerCase())) {
                    add(`${outputField} is the target of more than one mapping`);
                }
                targets.add(outputField.toLowerCase());
                const why = source && target ? mappingIncompatibility(source, target) : undefined;
                if (why) {
                    add(why, `cannot map ${inputField} to ${outputField}: ${why}`);
                }
            }
        }
    }
    return result;
}
