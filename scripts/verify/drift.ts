/** Differences between the project's LeadConvertSettings and the org's, in both directions. */
import type { LeadConvertSettings } from '../lib/projectMetadata.ts';

export interface MappingDrift {
    mapping: string;
    where: 'project only' | 'org only';
}

function mappingSet(settings: LeadConvertSettings): Set<string> {
    const set = new Set<string>();
    for (const objectMapping of settings.objectMapping) {
        for (const field of objectMapping.mappingFields) {
            set.add(
                `${objectMapping.inputObject}.${field.inputField} → ${objectMapping.outputObject}.${field.outputField}`
            );
        }
    }
    return set;
}

export function compareSettings(project: LeadConvertSettings, org: LeadConvertSettings): MappingDrift[] {
    const inProject = mappingSet(project);
    const inOrg = mappingSet(org);
    return [
        ...[...inProject]
            .filter((mapping) => !inOrg.has(mapping))
            .map((mapping) => ({ mapping, where: 'project only' as const })),
        ...[...inOrg]
            .filter((mapping) => !inProject.has(mapping))
            .map((mapping) => ({ mapping, where: 'org only' as const }))
    ];
}
