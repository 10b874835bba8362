/**
 * What deploying `org-settings/` would change in an org: each component there (LeadConvertSettings:
 * the lead conversion mapping; Settings LeadConfig: the Lead settings) against the org's current
 * one, retrieved with `sf project retrieve start --metadata <Type>:<name>`. A component's type is
 * the one the CLI gives its file (its registry, by file suffix): `settings/LeadConfig.settings-meta.xml`
 * is `Settings:LeadConfig`, `LeadConvertSettings/LeadConvertSettings.LeadConvertSetting-meta.xml` is
 * `LeadConvertSettings:LeadConvertSettings`. A deploy sets the values the file names;
 * LeadConvertSettings replaces the org's custom field mapping of each object it maps (Metadata API:
 * "an organization's custom field mappings for lead conversion"), so mappings only the org has are
 * lost. The retrieved files stay where they were written, as a backup.
 */
import { mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ScriptError } from '../lib/errors.ts';
import { readLeadConvertSettingsFile, type LeadConvertSettings } from '../lib/projectMetadata.ts';
import { compareSettings } from '../verify/drift.ts';
import { registryTypeBySuffix } from '../validate/metadata-registry.ts';
import { parseMetadataFileName } from '../validate/metadata-types.ts';
import { parseXml, type XmlElement } from '../validate/xml.ts';
import { succeed, type OrgCalls } from './orgCalls.ts';

export const ORG_SETTINGS_DIR = 'org-settings';
/** Backups of the org's settings, in the project: the CLI retrieves only into a folder inside the project. */
export const SETTINGS_BACKUP_DIR = 'settings-backup';

export interface SettingsChange {
    /** `LeadConfig.shouldLeadConvertRequireValidation`, `LeadConvertSettings mapping Lead.Fit_Score__c → Opportunity.Fit_Score__c`. */
    setting: string;
    org: string;
    project: string;
}

export interface SettingsComparison {
    /** Components compared, as `--metadata` names them (`Settings:LeadConfig`, `LeadConvertSettings:LeadConvertSettings`). */
    names: string[];
    changes: SettingsChange[];
    /** Where the org's current settings were retrieved to. */
    backupDir: string;
    /** The same folder relative to the project, as messages name it (npm runs the command there). */
    backupFolder: string;
}

/** One component of org-settings/ as the CLI sends it. */
interface SettingsComponent {
    /** Metadata API type (`Settings`, `LeadConvertSettings`). */
    type: string;
    /** Its name (`LeadConfig`, `LeadConvertSettings`). */
    fullName: string;
    /** The project's file. */
    file: string;
}

interface RetrievedFile {
    fullName: string;
    type: string;
    filePath?: string;
    state?: string;
    error?: string;
}

/**
 * A new folder for one retrieve of the org's settings: `settings-backup/<org>-XXXXXX` in the project.
 * `sf project retrieve start --output-dir` refuses a folder outside the project
 * (OutputDirOutsideProjectError, plugin-deploy-retrieve's `project retrieve start`).
 */
export async function settingsBackupDir(projectDir: string, targetOrg: string): Promise<string> {
    const parent = path.join(projectDir, SETTINGS_BACKUP_DIR);
    await mkdir(parent, { recursive: true });
    return mkdtemp(path.join(parent, `${targetOrg.replace(/[^\w.-]/g, '_')}-`));
}

/** Every metadata file under org-settings/, typed as the CLI's registry types it. */
async function listComponents(projectDir: string): Promise<SettingsComponent[]> {
    const root = path.join(projectDir, ORG_SETTINGS_DIR);
    const components: SettingsComponent[] = [];
    for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
        const fileName = entry.isFile() ? parseMetadataFileName(entry.name) : undefined;
        if (!fileName) {
            continue;
        }
        const file = path.join(entry.parentPath, entry.name);
        const type = registryTypeBySuffix(fileName.suffix);
        if (!type) {
            throw new ScriptError(
                `${path.relative(projectDir, file)}: the Salesforce CLI knows no metadata type with the suffix .${fileName.suffix}.`
            );
        }
        components.push({ type: type.name, fullName: fileName.name, file });
    }
    return components.sort((a, b) => memberOf(a).localeCompare(memberOf(b)));
}

const memberOf = ({ type, fullName }: { type: string; fullName: string }): string => `${type}:${fullName}`;

export async function compareOrgSettings(
    org: OrgCalls,
    projectDir: string,
    backupDir: string
): Promise<SettingsComparison> {
    const components = await listComponents(projectDir);
    const names = components.map(memberOf);
    const retrieved = await succeed<{ files?: RetrievedFile[] }>(
        org,
        ['project', 'retrieve', 'start', ...names.flatMap((name) => ['--metadata', name]), '--output-dir', backupDir],
        `Retrieving the org's current settings (${names.join(', ')})`
    );
    const changes: SettingsChange[] = [];
    for (const component of components) {
        const orgFile = (retrieved.files ?? []).find(
            (file) => file.type === component.type && file.fullName === component.fullName
        );
        if (!orgFile?.filePath) {
            const why = orgFile?.error ? `: ${orgFile.error}` : '';
            throw new ScriptError(
                `The org returned no ${memberOf(component)} to compare with ${path.relative(projectDir, component.file)}${why}.`
            );
        }
        changes.push(
            ...(component.type === 'LeadConvertSettings'
                ? mappingChanges(
                      component.fullName,
                      await readLeadConvertSettingsFile(component.file),
                      await readLeadConvertSettingsFile(orgFile.filePath)
                  )
                : []),
            ...valueChanges(
                component.fullName,
                await readSettings(component.file),
                await readSettings(orgFile.filePath)
            )
        );
    }
    return { names, changes, backupDir, backupFolder: path.relative(projectDir, backupDir) };
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

function mappingChanges(name: string, project: LeadConvertSettings, org: LeadConvertSettings): SettingsChange[] {
    return compareSettings(project, org).map(({ mapping, where }) => ({
        setting: `${name} mapping ${mapping}`,
        org: where === 'org only' ? 'mapped' : 'not mapped',
        project: where === 'org only' ? 'removed' : 'mapped'
    }));
}
