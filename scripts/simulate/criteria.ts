/**
 * The two criteria sets a simulation compares.
 *
 * - Current: the org's Lead_Stage_Criterion__mdt records and Lead_Handoff_Setting.Default, read with SOQL,
 *   numbers exact.
 * - Proposed: what the org would run after deploying a folder of custom metadata source files (by default
 *   the project's force-app): the folder's records replace the org's records of the same name and the
 *   others stay, as a deploy adds and changes records but removes none. The folder's records are first
 *   checked by the deploy-readiness gate's own rules (scripts/validate: the metadata XML check, and the
 *   cross-reference check of custom metadata records, which judges each rule with the criteria engine
 *   against the Lead field's type); a folder with problems is refused before anything is read from the org.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { OrgConnection } from '../lib/connection.ts';
import { decimalOf, type Criterion } from '../lib/criteria/engine.ts';
import { criterionOf, thresholdsOf } from '../lib/criteria/projectCriteria.ts';
import { ExactDecimal } from '../lib/criteria/values.ts';
import { ScriptError } from '../lib/errors.ts';
import { exactQuery, type ExactRecord } from '../lib/exactQuery.ts';
import { PROJECT_ROOT, readSfdxProject } from '../lib/project.ts';
import { CUSTOM_METADATA_FILE, customMetadataRecord, type CustomMetadataRecord } from '../lib/projectMetadata.ts';
import { formatProblem, type Problem } from '../validate/check.ts';
import { checkMetadataFile } from '../validate/check-metadata-xml.ts';
import { checkCustomMetadataRecords } from '../validate/custom-metadata-references.ts';
import type { MetadataFile } from '../validate/metadata-files.ts';
import { readMetadataFiles } from '../validate/metadata-files.ts';
import { buildModel } from '../validate/project-model.ts';
import { parseXml } from '../validate/xml.ts';
import { asText } from '../lib/text.ts';

export interface CriteriaSet {
    rules: Criterion[];
    thresholds: { fit: ExactDecimal | null; interest: ExactDecimal | null };
    /** Criteria_Version__c of the setting, stamped on each handoff. */
    version: string | null;
    /** Automation_Enabled__c: Baton's trigger runs unless it is false. */
    automationEnabled: boolean;
}

const CRITERION_TYPE = 'Lead_Stage_Criterion__mdt';
const SETTING_TYPE = 'Lead_Handoff_Setting__mdt';
const SETTING_NAME = 'Default';

const CRITERION_FIELDS = [
    'DeveloperName',
    'Stage__c',
    'Dimension__c',
    'Field__c',
    'Operator__c',
    'Value__c',
    'Points__c',
    'Required__c',
    'Active__c',
    'Sort_Order__c',
    'Description__c',
    'Rejection_Reason__c'
] as const;

/** The records of a proposed folder that a simulation uses. */
export interface ProposedFolder {
    /** The folder as given. */
    folder: string;
    criteria: CustomMetadataRecord[];
    setting: CustomMetadataRecord | undefined;
}

async function listRecordFiles(folder: string): Promise<string[]> {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true });
    return entries
        .filter((entry) => entry.isFile() && CUSTOM_METADATA_FILE.test(entry.name))
        .map((entry) => path.join(entry.parentPath, entry.name))
        .filter((file) => !file.split(path.sep).some((part) => part === 'node_modules' || part.startsWith('.')))
        .sort();
}

/** The project's metadata with its own custom metadata records left out (the folder's take their place). */
async function projectFilesWithoutRecords(): Promise<MetadataFile[]> {
    const context = { projectDir: PROJECT_ROOT, project: await readSfdxProject(PROJECT_ROOT) };
    return (await readMetadataFiles(context)).filter(
        (file) => !CUSTOM_METADATA_FILE.test(path.basename(file.relative))
    );
}

/**
 * Reads a folder of proposed Lead_Stage_Criterion / Lead_Handoff_Setting records and checks every custom
 * metadata record in it with the gate's rules; refuses the folder (ScriptError listing each problem) when
 * any check fails or it holds no criteria records.
 */
export async function readProposedFolder(folder: string): Promise<ProposedFolder> {
    const absolute = path.resolve(folder);
    if (!(await stat(absolute).catch(() => undefined))?.isDirectory()) {
        throw new ScriptError(
            `--criteria ${folder} is not a folder.`,
            'Name a folder of custom metadata source files (Lead_Stage_Criterion.<Name>.md-meta.xml, Lead_Handoff_Setting.Default.md-meta.xml), for example force-app.'
        );
    }
    const files: MetadataFile[] = await Promise.all(
        (await listRecordFiles(absolute)).map(async (file) => ({
            absolute: file,
            relative: path.relative(process.cwd(), file).split(path.sep).join('/'),
            parsed: parseXml(await readFile(file, 'utf8'))
        }))
    );
    const problems: Problem[] = files.flatMap(checkMetadataFile);
    const model = buildModel([...(await projectFilesWithoutRecords()), ...files]);
    checkCustomMetadataRecords(model, (component, element, message) => {
        problems.push({ file: component.file.relative, line: element.line, message });
    });
    if (problems.length > 0) {
        throw new ScriptError(
            `The proposed criteria in ${folder} have ${problems.length} problem${problems.length === 1 ? '' : 's'} (the deploy-readiness gate's rules); nothing was read from the org:\n${problems.map((problem) => `  ${formatProblem(problem)}`).join('\n')}`,
            'Fix the records and run again (npm run validate reports the same problems for force-app).'
        );
    }
    const records = files.flatMap((file) =>
        'root' in file.parsed ? (customMetadataRecord(path.basename(file.absolute), file.parsed.root) ?? []) : []
    );
    const criteria = records.filter((record) => record.type === CRITERION_TYPE);
    const setting = records.find((record) => record.type === SETTING_TYPE && record.developerName === SETTING_NAME);
    if (criteria.length === 0 && !setting) {
        throw new ScriptError(
            `${folder} holds no Lead_Stage_Criterion records and no Lead_Handoff_Setting.Default record.`,
            'Name the folder that holds the customMetadata records to simulate, such as force-app or a copy of its customMetadata folder.'
        );
    }
    return { folder, criteria, setting };
}

function text(record: ExactRecord, field: string): string | null {
    const value = record[field];
    return typeof value === 'string' ? value : null;
}

function decimal(record: ExactRecord, field: string): ExactDecimal | null {
    const value = record[field];
    return ExactDecimal.isDecimal(value) ? new ExactDecimal(value) : null;
}

/** The org's criteria and setting (two SOQL queries; numbers read exactly). */
export async function readOrgCriteria(org: OrgConnection): Promise<CriteriaSet> {
    const rows = await exactQuery(org, `SELECT ${CRITERION_FIELDS.join(', ')} FROM ${CRITERION_TYPE}`);
    const [setting] = await exactQuery(
        org,
        `SELECT DeveloperName, Automation_Enabled__c, MQL_Fit_Threshold__c, MQL_Interest_Threshold__c, Criteria_Version__c FROM ${SETTING_TYPE} WHERE DeveloperName = '${SETTING_NAME}'`
    );
    return {
        rules: rows.map((row) => ({
            DeveloperName: text(row, 'DeveloperName') ?? '',
            Stage__c: text(row, 'Stage__c'),
            Dimension__c: text(row, 'Dimension__c'),
            Field__c: text(row, 'Field__c'),
            Operator__c: text(row, 'Operator__c'),
            Value__c: text(row, 'Value__c'),
            Points__c: decimal(row, 'Points__c'),
            Required__c: row.Required__c === true,
            Active__c: row.Active__c === true,
            Sort_Order__c: decimal(row, 'Sort_Order__c'),
            Description__c: text(row, 'Description__c'),
            Rejection_Reason__c: text(row, 'Rejection_Reason__c')
        })),
        thresholds: {
            fit: setting ? decimal(setting, 'MQL_Fit_Threshold__c') : null,
            interest: setting ? decimal(setting, 'MQL_Interest_Threshold__c') : null
        },
        version: setting ? text(setting, 'Criteria_Version__c') : null,
        automationEnabled: setting?.Automation_Enabled__c !== false
    };
}

/** The org's criteria after a deploy of the folder: its records replace the org's of the same name. */
export function proposedSet(current: CriteriaSet, proposed: ProposedFolder): CriteriaSet {
    const replaced = new Set(proposed.criteria.map((record) => record.developerName));
    const rules = [
        ...current.rules.filter((rule) => !replaced.has(rule.DeveloperName)),
        ...proposed.criteria.map(criterionOf)
    ];
    if (!proposed.setting) {
        return { ...current, rules };
    }
    const thresholds = thresholdsOf(proposed.setting);
    const values = proposed.setting.values;
    return {
        rules,
        thresholds: { fit: decimalOf(thresholds.fit), interest: decimalOf(thresholds.interest) },
        version: values.Criteria_Version__c ?? null,
        automationEnabled: values.Automation_Enabled__c !== 'false'
    };
}

/** One difference between the sets: a rule added, removed or changed (its fields), or a setting value. */
export interface CriteriaChange {
    /** A rule's DeveloperName, or "Lead_Handoff_Setting.Default". */
    name: string;
    kind: 'added' | 'removed' | 'changed';
    fields: { field: string; from: string; to: string }[];
}

function shown(value: unknown): string {
    if (value === null || value === undefined || value === '') {
        return '(blank)';
    }
    return ExactDecimal.isDecimal(value) ? value.toFixed() : asText(value);
}

function differences(from: Record<string, unknown>, to: Record<string, unknown>, fields: readonly string[]) {
    return fields
        .map((field) => ({ field, from: shown(from[field]), to: shown(to[field]) }))
        .filter((change) => change.from !== change.to);
}

/** What the proposed set changes, rule by rule, then the setting's thresholds, version and switch. */
export function criteriaChanges(current: CriteriaSet, proposed: CriteriaSet): CriteriaChange[] {
    const changes: CriteriaChange[] = [];
    const before = new Map(current.rules.map((rule) => [rule.DeveloperName, rule]));
    const after = new Map(proposed.rules.map((rule) => [rule.DeveloperName, rule]));
    const compared = CRITERION_FIELDS.filter((field) => field !== 'DeveloperName');
    for (const name of [...new Set([...before.keys(), ...after.keys()])].sort()) {
        const from = before.get(name);
        const to = after.get(name);
        if (!from || !to) {
            changes.push({ name, kind: from ? 'removed' : 'added', fields: [] });
            continue;
        }
        const fields = differences(
            from as unknown as Record<string, unknown>,
            to as unknown as Record<string, unknown>,
            compared
        );
        if (fields.length > 0) {
            changes.push({ name, kind: 'changed', fields });
        }
    }
    const setting = (set: CriteriaSet): Record<string, unknown> => ({
        MQL_Fit_Threshold__c: set.thresholds.fit,
        MQL_Interest_Threshold__c: set.thresholds.interest,
        Criteria_Version__c: set.version,
        Automation_Enabled__c: set.automationEnabled
    });
    const fields = differences(setting(current), setting(proposed), Object.keys(setting(current)));
    if (fields.length > 0) {
        changes.push({ name: 'Lead_Handoff_Setting.Default', kind: 'changed', fields });
    }
    return changes;
}
