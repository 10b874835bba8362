/**
 * A recording stand-in for the Salesforce CLI, for the deploy command's tests: a small stateful org
 * (users, permission set assignments, scheduled jobs, settings, queues, assignment rules, round-robin
 * members, Named Credentials) that answers each `sf … --json` command line in the shape the pinned
 * CLI prints, and records the command lines.
 */
import { parseQuery, type WhereClause } from '@jetstreamapp/soql-parser-js';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DeployTools } from '../deploy/run.ts';
import { PROJECT_ROOT } from '../lib/project.ts';
import { readCustomMetadataRecords, readProjectObjects, type ObjectDefinition } from '../lib/projectMetadata.ts';
import type { SfResult } from '../lib/sfCli.ts';
import { registryTypeByName } from '../validate/metadata-registry.ts';

const ORG_LEAD_CONFIG = `<?xml version="1.0" encoding="UTF-8"?>
<LeadConfigSettings xmlns="http://soap.sforce.com/2006/04/metadata">
    <doesEnableLeadConvertDefaultSubjectBlankTaskCreation>false</doesEnableLeadConvertDefaultSubjectBlankTaskCreation>
    <doesHideOpportunityInConvertLeadWindow>false</doesHideOpportunityInConvertLeadWindow>
    <doesSelectNoOpportunityOnConvertLead>false</doesSelectNoOpportunityOnConvertLead>
    <shouldLeadConvertRequireValidation>false</shouldLeadConvertRequireValidation>
</LeadConfigSettings>
`;

/** An org that maps one field of its own onto Opportunity, which org-settings does not carry. */
const ORG_LEAD_CONVERT = `<?xml version="1.0" encoding="UTF-8"?>
<LeadConvertSettings xmlns="http://soap.sforce.com/2006/04/metadata">
    <allowOwnerChange>true</allowOwnerChange>
    <objectMapping>
        <inputObject>Lead</inputObject>
        <mappingFields>
            <inputField>Partner_Code__c</inputField>
            <outputField>Partner_Code__c</outputField>
        </mappingFields>
        <outputObject>Opportunity</outputObject>
    </objectMapping>
    <opportunityCreationOptions>VisibleOptional</opportunityCreationOptions>
</LeadConvertSettings>
`;

export type ConfigRow = Record<string, unknown> & { DeveloperName: string; MasterLabel: string };

export interface FakeOrg {
    username: string;
    organization: {
        Id: string;
        Name: string;
        IsSandbox: boolean;
        OrganizationType: string;
        TrialExpirationDate: string | null;
    };
    users: { Username: string; IsActive: boolean }[];
    assignments: { Assignee: { Username: string }; PermissionSet: { Name: string } }[];
    jobs: { CronJobDetail: { Name: string }; State: string; NextFireTime: string | null }[];
    /** The org's settings files by component, as `--metadata` names them (`Settings:LeadConfig`). */
    settings: Record<string, string>;
    queues: { DeveloperName: string; QueueSobjects: { records: { SobjectType: string }[] } | null }[];
    /**
     * Baton's custom metadata records by type (`Lead_Handoff_Setting__mdt`), as the org holds them;
     * undefined until Baton is deployed (the types do not exist). Deploying force-app replaces the
     * records of the same name with the project's and keeps the others, as the platform does.
     */
    config: Record<string, ConfigRow[]> | undefined;
    /** Lead assignment rules (`Name`, `Active`), as SOQL reads them. */
    assignmentRules: { Name: string; Active: boolean }[];
    /** The same rules as `AssignmentRules:Lead` retrieves them (the file the CLI writes), when the org has any. */
    assignmentRulesFile?: string;
    /** Active round-robin members. */
    routingMembers: { Queue__c: string | null; User__r: { Username: string; IsActive: boolean } | null }[];
    namedCredentials: string[];
    /** Canned answers of `sf project deploy start` by source directory (success otherwise). */
    deployFailures: Record<string, SfResult<unknown>>;
    /** Anonymous Apex the stand-in was asked to run. */
    apexRuns: string[];
}

export function fakeOrg(kind: 'production' | 'sandbox'): FakeOrg {
    return {
        username: 'admin@acme.example',
        organization: {
            Id: '00D000000000001EAA',
            Name: 'Acme',
            IsSandbox: kind === 'sandbox',
            OrganizationType: 'Enterprise Edition',
            TrialExpirationDate: null
        },
        users: [
            { Username: 'admin@acme.example', IsActive: true },
            { Username: 'rep@acme.example', IsActive: true },
            { Username: 'lead@acme.example', IsActive: true },
            { Username: 'gone@acme.example', IsActive: false }
        ],
        assignments: [],
        jobs: [],
        settings: {
            'Settings:LeadConfig': ORG_LEAD_CONFIG,
            'LeadConvertSettings:LeadConvertSettings': ORG_LEAD_CONVERT
        },
        queues: [{ DeveloperName: 'SDR_Queue', QueueSobjects: { records: [{ SobjectType: 'Lead' }] } }],
        config: undefined,
        assignmentRules: [],
        routingMembers: [],
        namedCredentials: [],
        deployFailures: {},
        apexRuns: []
    };
}

const ok = (result: unknown): SfResult<unknown> => ({ status: 0, result });

/** A SOQL string literal's value: `'O\\'Brien'` → `O'Brien`. */
function unquoted(literal: string): string {
    return literal.slice(1, -1).replace(/\\(.)/g, '$1');
}

/** A field of a row by its SOQL path (`Assignee.Username` reads the related record's field). */
function valueAt(row: object, field: string): unknown {
    return field
        .split('.')
        .reduce<unknown>((value, name) => (value as Record<string, unknown> | null | undefined)?.[name], row);
}

/** SOQL compares text ignoring case. */
function same(actual: unknown, expected: unknown): boolean {
    return typeof actual === 'string' && typeof expected === 'string'
        ? actual.toLowerCase() === expected.toLowerCase()
        : actual === expected;
}

/**
 * Whether a row meets a WHERE clause of `=`, `!=` and `IN` conditions on strings, booleans and null
 * joined by AND; anything else throws, so a query the stand-in cannot answer fails the test.
 */
function meets(row: object, where: WhereClause | undefined): boolean {
    if (!where) {
        return true;
    }
    const operator = 'operator' in where ? where.operator : undefined;
    const right = 'right' in where ? where.right : undefined;
    const { left } = where;
    if (operator !== undefined && operator !== 'AND') {
        throw new Error(`the stand-in evaluates only AND, not ${operator}`);
    }
    if (!left || !('field' in left) || !('value' in left)) {
        throw new Error(`the stand-in cannot evaluate ${JSON.stringify(left)}`);
    }
    const actual = valueAt(row, left.field) ?? null;
    let holds: boolean;
    if (left.operator === 'IN' && Array.isArray(left.value)) {
        holds = left.value.some((literal) => same(actual, unquoted(literal)));
    } else if ((left.operator === '=' || left.operator === '!=') && typeof left.value === 'string') {
        const expected =
            left.literalType === 'NULL'
                ? null
                : left.literalType === 'BOOLEAN'
                  ? left.value.toUpperCase() === 'TRUE'
                  : unquoted(left.value);
        holds = same(actual, expected) === (left.operator === '=');
    } else {
        throw new Error(`the stand-in cannot evaluate ${JSON.stringify(left)}`);
    }
    return holds && meets(row, right);
}

/** The rows that meet the WHERE clause, each judged as `view` shows it (fields the query filters on that the stand-in does not store). */
function meeting<T extends object>(
    rows: T[],
    where: WhereClause | undefined,
    view: (row: T) => object = (row) => row
): T[] {
    return rows.filter((row) => meets(view(row), where));
}

function answerConfigQuery(org: FakeOrg, type: string, where: WhereClause | undefined): SfResult<unknown> {
    const rows = org.config?.[type];
    if (!rows) {
        return { status: 1, name: 'INVALID_TYPE', message: `sObject type '${type}' is not supported.` };
    }
    const records = meeting(rows, where);
    return ok({ records, totalSize: records.length, done: true });
}

const objectsByProject = new Map<string, Promise<ObjectDefinition[]>>();

/** The project's objects, read once per project folder (every describe and deploy of every run asks). */
function projectObjects(projectDir: string): Promise<ObjectDefinition[]> {
    let objects = objectsByProject.get(projectDir);
    if (!objects) {
        objects = readProjectObjects(projectDir);
        objectsByProject.set(projectDir, objects);
    }
    return objects;
}

/** `sf sobject describe`: the REST describe, 404 NOT_FOUND for a type the org lacks. */
async function describe(org: FakeOrg, type: string, projectDir: string): Promise<SfResult<unknown>> {
    const object = (await projectObjects(projectDir)).find(({ name }) => name === type);
    if (!org.config?.[type] || !object) {
        return { status: 1, name: 'NOT_FOUND', message: 'The requested resource does not exist' };
    }
    const standard = [
        { name: 'DeveloperName', type: 'string' },
        { name: 'MasterLabel', type: 'string' }
    ];
    return ok({
        name: type,
        fields: [...standard, ...object.fields.map(({ name, type: fieldType }) => ({ name, type: fieldType }))]
    });
}

/** The org's records after deploying the project's: same-named records replaced, values typed as the API returns them. */
async function deployConfig(org: FakeOrg, projectDir: string): Promise<void> {
    const objects = await projectObjects(projectDir);
    const config: Record<string, ConfigRow[]> = { ...org.config };
    for (const object of objects.filter(({ name }) => name.endsWith('__mdt'))) {
        config[object.name] ??= [];
    }
    for (const record of await readCustomMetadataRecords(projectDir)) {
        const fields = objects.find(({ name }) => name === record.type)?.fields ?? [];
        const row: ConfigRow = { DeveloperName: record.developerName, MasterLabel: record.label };
        for (const { name, type } of fields) {
            const value = record.values[name] ?? null;
            row[name] =
                type === 'boolean'
                    ? value === 'true'
                    : value === null
                      ? null
                      : type === 'double' || type === 'percent'
                        ? Number(value)
                        : value;
        }
        config[record.type] = [
            ...(config[record.type] ?? []).filter(({ DeveloperName }) => DeveloperName !== record.developerName),
            row
        ];
    }
    org.config = config;
}

/** Changes one value of a record the org holds, as an admin does in Setup. */
export function editConfig(org: FakeOrg, type: string, developerName: string, values: Record<string, unknown>): void {
    const row = org.config?.[type]?.find(({ DeveloperName }) => DeveloperName === developerName);
    if (!row) {
        throw new Error(`the org has no ${type} ${developerName}`);
    }
    Object.assign(row, values);
}

function answerQuery(org: FakeOrg, soql: string): SfResult<unknown> {
    let where: WhereClause | undefined;
    try {
        where = parseQuery(soql).where;
    } catch (error) {
        // What `sf data query` answers for SOQL the platform cannot parse (a list like `IN ()`, for one).
        return { status: 1, name: 'MALFORMED_QUERY', message: (error as Error).message };
    }
    const type = /\bFROM (\w+__mdt)\b/.exec(soql)?.[1];
    if (type) {
        return answerConfigQuery(org, type, where);
    }
    const from = /\bFROM (\w+)(?![^(]*\))/.exec(soql)?.[1];
    const active = new Set(org.users.filter(({ IsActive }) => IsActive).map(({ Username }) => Username.toLowerCase()));
    const records = (() => {
        switch (from) {
            case 'Organization':
                return [org.organization];
            case 'User':
                return meeting(org.users, where);
            case 'PermissionSetAssignment':
                return meeting(org.assignments, where, ({ Assignee, PermissionSet }) => ({
                    Assignee: { ...Assignee, IsActive: active.has(Assignee.Username.toLowerCase()) },
                    PermissionSet
                }));
            case 'AssignmentRule':
                return meeting(org.assignmentRules, where, (rule) => ({ ...rule, SobjectType: 'Lead' })).map(
                    ({ Name }) => ({ Name })
                );
            case 'Lead_Routing_Member__c':
                return meeting(org.routingMembers, where, (member) => ({ ...member, Active__c: true }));
            case 'NamedCredential':
                return meeting(
                    org.namedCredentials.map((DeveloperName) => ({ DeveloperName })),
                    where
                );
            case 'CronTrigger':
                return meeting(org.jobs, where);
            case 'Group':
                return meeting(org.queues, where, (queue) => ({ ...queue, Type: 'Queue' }));
            default:
                throw new Error(`the stand-in does not answer ${soql}`);
        }
    })();
    return ok({ records, totalSize: records.length, done: true });
}

/** The command words: what comes before the first flag (`project deploy start`). */
export function commandOf(args: string[]): string {
    const end = args.findIndex((arg) => arg.startsWith('-'));
    return args.slice(0, end === -1 ? args.length : end).join(' ');
}

function flagValues(args: string[], flag: string): string[] {
    return args.flatMap((arg, index) => (arg === flag && args[index + 1] !== undefined ? [args[index + 1] ?? ''] : []));
}

/**
 * Where the CLI writes a component in source format, from its registry (`Settings:LeadConfig` →
 * `settings/LeadConfig.settings-meta.xml`, `LeadConvertSettings:LeadConvertSettings` →
 * `LeadConvertSettings/LeadConvertSettings.LeadConvertSetting-meta.xml`).
 */
function sourcePath(member: string): string {
    const [typeName = '', fullName = ''] = member.split(':');
    const type = registryTypeByName(typeName);
    if (!type?.directoryName || !type.suffix) {
        throw new Error(`the stand-in has no source path for ${member}`);
    }
    return path.join(type.directoryName, `${fullName}.${type.suffix}-meta.xml`);
}

/**
 * `sf project retrieve start --metadata <Type>:<name>… --output-dir <dir>` as the pinned
 * plugin-deploy-retrieve answers it: a folder outside the project is refused
 * (OutputDirOutsideProjectError) and an unknown type too (the registry's RegistryError); each file
 * is written to `<dir>/<folder>/<name>.<suffix>-meta.xml` (the CLI moves it out of `main/default`)
 * and listed in `files` with its type, name, state (Created in a new folder) and absolute path; a
 * component the org lacks is listed as Failed with the Metadata API's problem (source-deploy-retrieve's
 * MetadataApiRetrieve file responses).
 */
async function retrieve(
    org: FakeOrg,
    members: string[],
    outputDir: string,
    projectDir: string
): Promise<SfResult<unknown>> {
    const target = path.resolve(projectDir, outputDir);
    if (path.relative(projectDir, target).startsWith('..')) {
        return {
            status: 1,
            name: 'OutputDirOutsideProjectError',
            message: `The output directory must be inside the current project. The path relative you provided ${outputDir} is outside the project root.`
        };
    }
    const unknown = members.find((member) => !registryTypeByName(member.split(':')[0] ?? ''));
    if (unknown !== undefined) {
        return {
            status: 1,
            name: 'RegistryError',
            message: `Missing metadata type definition in registry for id '${unknown.split(':')[0] ?? ''}'.`
        };
    }
    const files = [];
    for (const member of members) {
        const [type = '', fullName = ''] = member.split(':');
        const content = member === 'AssignmentRules:Lead' ? org.assignmentRulesFile : org.settings[member];
        if (content === undefined) {
            const error = `Entity of type '${type}' named '${fullName}' cannot be found`;
            files.push({ fullName, type, state: 'Failed', error, problemType: 'Error' });
            continue;
        }
        const filePath = path.join(target, sourcePath(member));
        await mkdir(path.dirname(filePath), { recursive: true });
        await writeFile(filePath, content);
        files.push({ fullName, type, state: 'Created', filePath });
    }
    return ok({ done: true, status: 'Succeeded', success: true, files });
}

/** The recording stand-in for `sf`: answers like the CLI, records every command line. */
export function recordingSf(
    org: FakeOrg,
    projectDir: string = PROJECT_ROOT
): { sf: DeployTools['sf']; calls: string[][] } {
    const calls: string[][] = [];
    const sf: DeployTools['sf'] = async (args) => {
        calls.push(args);
        const command = commandOf(args);
        if (!args.includes('--target-org') || flagValues(args, '--target-org')[0] !== 'acme') {
            return {
                status: 2,
                name: 'NamedOrgNotFoundError',
                message:
                    'Parsing --target-org \n\tNo authorization information found for nobody.\nSee more help with --help'
            };
        }
        if (command === 'org display') {
            return ok({ username: org.username, id: org.organization.Id, accessToken: '[REDACTED]' });
        }
        if (command === 'sobject describe') {
            return describe(org, flagValues(args, '--sobject')[0] ?? '', projectDir);
        }
        if (command === 'data query') {
            return answerQuery(org, flagValues(args, '--query')[0] ?? '');
        }
        if (command === 'project retrieve start') {
            return retrieve(org, flagValues(args, '--metadata'), flagValues(args, '--output-dir')[0] ?? '', projectDir);
        }
        if (command === 'project deploy start') {
            const dir = flagValues(args, '--source-dir')[0] ?? '';
            const failure = org.deployFailures[dir];
            if (failure) {
                return failure;
            }
            if (dir === 'force-app') {
                await deployConfig(org, projectDir);
            }
            if (dir === 'org-settings') {
                for (const member of Object.keys(org.settings)) {
                    org.settings[member] = await readFile(
                        path.join(projectDir, 'org-settings', 'main', 'default', sourcePath(member)),
                        'utf8'
                    );
                }
            }
            const testLevel = flagValues(args, '--test-level')[0];
            const testsRun = testLevel && testLevel !== 'NoTestRun' ? 212 : 0;
            return ok({
                id: '0Af000000000001',
                status: 'Succeeded',
                success: true,
                numberComponentsDeployed: dir === 'force-app' ? 146 : 2,
                numberTestsCompleted: testsRun,
                details: { runTestResult: { numTestsRun: String(testsRun) } }
            });
        }
        if (command === 'org assign permset') {
            const [name = ''] = flagValues(args, '--name');
            const successes = flagValues(args, '--on-behalf-of').map((username) => {
                org.assignments.push({ Assignee: { Username: username }, PermissionSet: { Name: name } });
                return { name: username, value: name };
            });
            return ok({ successes, failures: [] });
        }
        if (command === 'apex run') {
            const apex = await readFile(flagValues(args, '--file')[0] ?? '', 'utf8');
            org.apexRuns.push(apex);
            // What the contract's Apex does: LeadSlaMonitor.schedule(cron) names its job after the expression.
            for (const [, cron] of apex.matchAll(/LeadSlaMonitor\.schedule\('([^']+)'\)/g)) {
                org.jobs.push({
                    CronJobDetail: { Name: `Baton SLA monitor ${cron ?? ''}` },
                    State: 'WAITING',
                    NextFireTime: '2026-11-20T16:00:00.000+0000'
                });
            }
            for (const [, name] of apex.matchAll(/System\.schedule\('([^']+)'/g)) {
                org.jobs.push({
                    CronJobDetail: { Name: name ?? '' },
                    State: 'WAITING',
                    NextFireTime: '2026-11-21T02:00:00.000+0000'
                });
            }
            return ok({ success: true, compiled: true, logs: '' });
        }
        throw new Error(`the stand-in does not know sf ${args.join(' ')}`);
    };
    return { sf, calls };
}
