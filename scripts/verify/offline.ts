/**
 * Offline check of the project's LeadConvertSettings file against the project's own metadata
 * (and the standard fields the gate knows): the deploy-readiness gate's LeadConvertSettings check
 * (scripts/validate/lead-convert-settings.ts), listed by mapping. Needs no org.
 */
import path from 'node:path';
import { PROJECT_ROOT, readSfdxProject } from '../lib/project.ts';
import { readMetadataFiles } from '../validate/metadata-files.ts';
import { checkLeadConvertMappings } from '../validate/lead-convert-settings.ts';
import { loadProjectModel } from '../validate/project-model.ts';

export interface MappingIssue {
    mapping: string;
    problem: string;
}

export interface OfflineMappingReport {
    /** The settings file(s), relative to the project folder. */
    file: string;
    mappings: number;
    issues: MappingIssue[];
}

/** The LeadConvertSettings file suffix (Metadata API Developer Guide, "LeadConvertSettings"). */
const SETTINGS_SUFFIX = '.LeadConvertSetting-meta.xml';

export async function checkConversionMappingOffline(projectDir: string = PROJECT_ROOT): Promise<OfflineMappingReport> {
    const context = { projectDir: path.resolve(projectDir), project: await readSfdxProject(projectDir) };
    const settingsFiles = (await readMetadataFiles(context)).filter(({ relative }) =>
        relative.endsWith(SETTINGS_SUFFIX)
    );
    if (settingsFiles.length === 0) {
        throw new Error(`No LeadConvertSettings/*${SETTINGS_SUFFIX} in any package directory of ${projectDir}`);
    }
    for (const { relative, parsed } of settingsFiles) {
        if ('error' in parsed) {
            throw new Error(`${relative}:${parsed.error.line}: ${parsed.error.message}`);
        }
    }
    const { mappings, problems } = checkLeadConvertMappings(await loadProjectModel(context));
    return {
        file: settingsFiles.map(({ relative }) => relative).join(', '),
        mappings,
        issues: problems.map(({ mapping, problem }) => ({ mapping, problem }))
    };
}
