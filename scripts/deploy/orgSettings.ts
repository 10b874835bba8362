/**
 * What deploying `org-settings/` would change in an org: each settings file there (LeadConvert: the
 * lead conversion mapping; LeadConfig: the Lead settings) against the org's current settings,
 * retrieved with `sf project retrieve start --metadata Settings:<name>`. A settings deploy sets the
 * values the file names; LeadConvertSettings replaces the org's custom field mapping of each object
 * it maps (Metadata API: "an organization's custom field mappings for lead conversion"), so mappings
 * only the org has are lost. The retrieved files stay where they were written, as a backup.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ScriptError } from '../lib/errors.ts';
import { readLeadConvertSettingsFile, type LeadConvertSettings } from '../lib/projectMetadata.ts';
import { compareSettings } from '../verify/drift.ts';
import { parseXml, type XmlElement } from '../validate/xml.ts';
import { succeed, type OrgCalls } from './orgCalls.ts';

export const ORG_SETTINGS_DIR = 'org-settings';
const SETTINGS_FOLDER = path.join(ORG_SETTINGS_DIR, 'main', 'default', 'settings');
const SUFFIX = '.settings-meta.xml';

export interface SettingsChange {
    /** `LeadConfig.shouldLeadConvertRequireValidation`, `LeadConvert mapping Lead.Fit_Score__c → Opportunity.Fit_Score__c`. */
    setting: string;
    org: string;
    project: string;
}

export interface SettingsComparison {
    /** Settings components compared (`LeadConfig`, `LeadConvert`). */
    names: string[];
    changes: SettingsChange[];
    /** Where the org's current settings were retrieved to. */
    backupDir: string;
}

interface RetrievedFile {
    fullName: string;
    type: string;
    filePath?: string;
    state?: string;
    error?: string;
}

export async function compareOrgSettings(
    org: OrgCalls,
    projectDir: string,
    backupDir: string
): Promise<SettingsComparison> {
    const names = (await readdir(path.join(projectDir, SETTINGS_FOLDER)))
        .filter((file) => file.endsWith(SUFFIX))
        .map((file) => file.slice(0, -SUFFIX.length))
        .sort();
    const retrieved = await succeed<{ files?: RetrievedFile[] }>(
        org,
        [
            'project',
            'retrieve',
            'start',
            ...names.flatMap((name) => ['--metadata', `Settings:${name}`]),
            '--output-dir',
            backupDir
        ],
        `Retrieving the org's current settings (${names.join(', ')})`
    );
    const changes: SettingsChange[] = [];
    for (const name of names) {
        const orgFile = (retrieved.files ?? []).find(
            (file) => file.type === 'Settings' && file.fullName === name && file.filePath
        );
        if (!orgFile?.filePath) {
            throw new ScriptError(
                `The org returned no ${name} settings to compare with ${SETTINGS_FOLDER}/${name}${SUFFIX}.`
            );
        }
        const projectFile = path.join(projectDir, SETTINGS_FOLDER, `${name}${SUFFIX}`);
        changes.push(
            ...(name === 'LeadConvert'
                ? mappingChanges(
                      await readLeadConvertSettingsFile(projectFile),
                      await readLeadConvertSettingsFile(orgFile.filePath)
                  )
                : []),
            ...valueChanges(name, await readSettings(projectFile), await readSettings(orgFile.filePath))
        );
    }
    return { names, changes, backupDir };
}

async function readSettings(file: string): Promise<XmlElement> {
    const parsed = parseXml(await readFile(file, 'utf8'));
    if ('error' in parsed) {
        throw new ScriptError(`${file}:${String(parsed.error.line)}: ${parsed.error.message}`);
    }
    return parsed.root;
}

/** Single values the project's file sets (`<shouldLeadConvertRequireValidation>true</…>`) that differ in the org. */
function valueChanges(name: string, project: XmlElement, org: XmlElement): SettingsChange[] {
    return project.children
        .filter((element) => element.children.length === 0)
        .flatMap((element) => {
            const current = org.children.find((candidate) => candidate.name === element.name)?.text;
            return current === element.text
                ? []
                : [{ setting: `${name}.${element.name}`, org: current ?? '(not set)', project: element.text }];
        });
}

function mappingChanges(project: LeadConvertSettings, org: LeadConvertSettings): SettingsChange[] {
    return compareSettings(project, org).map(({ mapping, where }) => ({
        setting: `LeadConvert mapping ${mapping}`,
        org: where === 'org only' ? 'mapped' : 'not mapped',
        project: where === 'org only' ? 'removed' : 'mapped'
    }));
}
