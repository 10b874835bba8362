/**
 * The one-command deploy against a recording stand-in for the Salesforce CLI (cliStandIn.ts), whose
 * recorded command lines are then held to the pinned CLI's own command and flag definitions.
 */
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { main } from '../deploy.ts';
import { SETTINGS_BACKUP_DIR, settingsBackupDir } from '../deploy/orgSettings.ts';
import type { DeployTools } from '../deploy/run.ts';
import { PROJECT_ROOT } from '../lib/project.ts';
import type { GateReport } from '../validate/run-gate.ts';
import { commandOf, editConfig, fakeOrg, recordingSf, type FakeOrg } from './cliStandIn.ts';
import { sfCommandProblems } from './sfCommands.ts';
import { capture } from './support.ts';
const PASSED_GATE: GateReport = {
    passed: true,
    milliseconds: 7900,
    checks: [
        {
            id: 'apex',
            title: 'Apex semantics',
            passed: true,
            problems: [],
            summary: '29 classes, 1 trigger checked',
            milliseconds: 7900
        }
    ]
};

interface Run {
    code: number;
    text: string;
    stdout: string;
    calls: string[][];
    asked: string[];
    built: number;
}

const ranCommands: string[][] = [];
/** Backup folders the runs retrieved into (in the project, as the real command does), removed after the tests. */
const backups: string[] = [];
/** Copies of the project the tests changed, removed after the tests. */
const projects: string[] = [];

after(async () => {
    for (const dir of [...backups, ...projects]) {
        await rm(dir, { recursive: true, force: true });
    }
    await rmdir(path.join(PROJECT_ROOT, SETTINGS_BACKUP_DIR)).catch(() => undefined); // kept when it holds real backups
});

async function deploy(
    org: FakeOrg,
    argv: string[],
    {
        answer,
        gate = PASSED_GATE,
        terminal = true,
        projectDir = PROJECT_ROOT
    }: { answer?: boolean; gate?: GateReport; terminal?: boolean; projectDir?: string } = {}
): Promise<Run> {
    const { sf, calls } = recordingSf(org, projectDir);
    const asked: string[] = [];
    let built = 0;
    const tools: DeployTools = {
        sf,
        projectDir,
        build: () => {
            built++;
            return Promise.resolve();
        },
        gate: () => Promise.resolve(gate),
        ...(terminal
            ? {
                  confirm: (question: string) => {
                      asked.push(question);
                      return Promise.resolve(answer ?? false);
                  }
              }
            : {}),
        backupDir: async (targetOrg) => {
            const dir = await settingsBackupDir(projectDir, targetOrg);
            backups.push(dir);
            return dir;
        }
    };
    const output = capture(argv.includes('--json'));
    const code = await main(argv, output, tools);
    ranCommands.push(...calls);
    return { code, text: output.text(), stdout: output.stdoutText(), calls, asked, built };
}

/**
 * A copy of the project's deployable configuration (sfdx-project.json, custom metadata records and
 * objects, org-settings) whose Default Lead Handoff Setting has these text values, as an admin sets
 * them in source before deploying.
 */
async function projectWithDefault(values: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'baton-project-'));
    projects.push(dir);
    for (const part of [
        'sfdx-project.json',
        'force-app/main/default/customMetadata',
        'force-app/main/default/objects',
        'org-settings'
    ]) {
        await cp(path.join(PROJECT_ROOT, part), path.join(dir, part), { recursive: true });
    }
    const file = path.join(dir, 'force-app/main/default/customMetadata/Lead_Handoff_Setting.Default.md-meta.xml');
    let xml = await readFile(file, 'utf8');
    for (const [field, value] of Object.entries(values)) {
        const pattern = new RegExp(`(<field>${field}</field>\\s*)<value[^>]*?(?:/>|>[^<]*</value>)`);
        assert.match(xml, pattern, field);
        xml = xml.replace(pattern, `$1<value xsi:type="xsd:string">${value}</value>`);
    }
    await writeFile(file, xml);
    return dir;
}

/** The commands that change the org. */
function writes(calls: string[][]): string[] {
    return calls
        .map(commandOf)
        .filter((command) => /^(project deploy start|org assign permset|apex run)$/.test(command));
}

/** A Lead assignment rules file as the CLI retrieves it, with one active rule (`Regional routing`). */
function assignmentRules(entries: { criteria: string[][]; assignedTo: string; formula?: string }[]): string {
    const ruleEntries = entries.map(
        ({ criteria, assignedTo, formula }) => `        <ruleEntry>
            <assignedTo>${assignedTo}</assignedTo>
            <assignedToType>Queue</assignedToType>
${criteria
    .map(
        ([field, operation, value]) => `            <criteriaItems>
                <field>${field ?? ''}</field>
                <operation>${operation ?? ''}</operation>
                <value>${value ?? ''}</value>
            </criteriaItems>`
    )
    .join('\n')}${formula ? `\n            <formula>${formula}</formula>` : ''}
        </ruleEntry>`
    );
    return `<?xml version="1.0" encoding="UTF-8"?>
<AssignmentRules xmlns="http://soap.sforce.com/2006/04/metadata">
    <assignmentRule>
        <fullName>Old routing</fullName>
        <active>false</active>
    </assignmentRule>
    <assignmentRule>
        <fullName>Regional routing</fullName>
        <active>true</active>
${ruleEntries.join('\n')}
    </assignmentRule>
</AssignmentRules>
`;
}

describe('npm run deploy (recording stand-in for the Salesforce CLI)', () => {
    it('deploys a production org with RunLocalTests after showing and asking about the settings it changes, then assigns, schedules and prints the checklist', async () => {
        const org = fakeOrg('production');
        const run = await deploy(
            org,
            ['--target-org', 'acme', '--sdr', 'rep@acme.example', '--manager', 'lead@acme.example'],
            {
                answer: true
            }
        );
        assert.equal(run.code, 0, run.text);
        const deploys = run.calls.filter((args) => args.slice(0, 3).join(' ') === 'project deploy start');
        assert.deepEqual(deploys[0]?.slice(3), [
            '--source-dir',
            'force-app',
            '--wait',
            '60',
            '--test-level',
            'RunLocalTests',
            '--target-org',
            'acme'
        ]);
        assert.deepEqual(deploys[1]?.slice(3), [
            '--source-dir',
            'org-settings',
            '--wait',
            '60',
            '--target-org',
            'acme'
        ]);
        assert.match(run.text, /Apex tests: RunLocalTests \(production requires tests\)/);
        // Each org-settings component is retrieved as the type the CLI deploys its file as, into the project.
        const retrieve = run.calls.find((args) => commandOf(args) === 'project retrieve start') ?? [];
        const backupDir = retrieve[retrieve.indexOf('--output-dir') + 1] ?? '';
        assert.deepEqual(retrieve.slice(3), [
            '--metadata',
            'LeadConvertSettings:LeadConvertSettings',
            '--metadata',
            'Settings:LeadConfig',
            '--output-dir',
            backupDir,
            '--target-org',
            'acme'
        ]);
        assert.equal(path.dirname(backupDir), path.join(PROJECT_ROOT, SETTINGS_BACKUP_DIR));
        assert.match(
            await readFile(
                path.join(backupDir, 'LeadConvertSettings', 'LeadConvertSettings.LeadConvertSetting-meta.xml'),
                'utf8'
            ),
            /<inputField>Partner_Code__c<\/inputField>/
        );
        // What is overwritten: the org's own mapping and the Lead setting, before any change.
        assert.match(run.text, /LeadConfig\.shouldLeadConvertRequireValidation\s+false\s+true/);
        assert.match(
            run.text,
            /LeadConvertSettings mapping Lead\.Partner_Code__c → Opportunity\.Partner_Code__c\s+mapped\s+removed/
        );
        assert.match(
            run.text,
            /LeadConvertSettings mapping Lead\.Fit_Score__c → Opportunity\.Fit_Score__c\s+not mapped\s+mapped/
        );
        assert.equal(run.asked.length, 1);
        assert.match(run.asked[0] ?? '', /^Deploy and change these \d+ settings of acme\?$/);
        assert.equal(run.built, 1);
        assert.deepEqual(
            org.assignments.map(({ Assignee, PermissionSet }) => `${PermissionSet.Name} ${Assignee.Username}`),
            ['Baton_Admin admin@acme.example', 'Baton_SDR rep@acme.example', 'Baton_Manager lead@acme.example']
        );
        assert.deepEqual(org.apexRuns, [
            "LeadSlaMonitor.schedule('0 0 * * * ?');\nSystem.schedule('Baton funnel rollup', '0 0 2 * * ?', new LeadFunnelRollupBatch());\n"
        ]);
        const checklist = run.text.slice(run.text.indexOf('Checklist for acme'));
        assert.match(checklist, /✓ done\s+Build and deploy-readiness gate\s+1 check passed in 7\.9 s/);
        assert.match(checklist, /✓ done\s+Deploy force-app\s+146 components, 212 Apex tests run \(RunLocalTests\)/);
        assert.match(checklist, /✓ done\s+Deploy org-settings .*settings changed; the previous ones are in /);
        assert.match(checklist, /✓ done\s+Permission set Baton_Admin → admin@acme\.example \(you\)\s+assigned/);
        assert.match(
            checklist,
            /✓ done\s+SLA monitor scheduled \("Baton SLA monitor 0 0 \* \* \* \?"\)\s+scheduled every hour/
        );
        assert.match(
            checklist,
            /✓ done\s+Funnel rollup scheduled \("Baton funnel rollup"\)\s+scheduled every night at 02:00/
        );
        assert.match(
            checklist,
            /✓ done\s+Queues named in Baton's settings take leads\s+no queue configured: leads keep their owner/
        );
        assert.match(checklist, /! to do\s+Business hours of your sales team/);
        assert.match(checklist, /! to do\s+Funnel history older than 180 days\s+.*LeadFunnelRollupBatch\.run\(730\);/);
    });

    it('runs again without changing anything: permission sets and jobs exist, the settings match', async () => {
        const org = fakeOrg('production');
        assert.equal(
            (await deploy(org, ['--target-org', 'acme', '--sdr', 'rep@acme.example'], { answer: true })).code,
            0
        );
        const again = await deploy(org, ['--target-org', 'acme', '--sdr', 'rep@acme.example']);
        assert.equal(again.code, 0, again.text);
        assert.deepEqual(writes(again.calls), ['project deploy start']);
        assert.deepEqual(again.asked, []);
        assert.match(again.text, /✓ unchanged\s+Deploy org-settings .*the org already has these settings/);
        assert.match(again.text, /✓ already\s+Permission set Baton_SDR → rep@acme\.example\s+already assigned/);
        assert.match(
            again.text,
            /✓ already\s+SLA monitor scheduled .*already scheduled \(WAITING, next run 2026-11-20T16:00:00\.000\+0000\)/
        );
        assert.equal(org.apexRuns.length, 1);
        assert.doesNotMatch(again.text, /Funnel history/, 'only when the rollup is first scheduled');
    });

    it('deploys a sandbox with NoTestRun, and with RunLocalTests when asked to rehearse production', async () => {
        const quick = await deploy(fakeOrg('sandbox'), ['--target-org', 'acme', '--yes']);
        assert.equal(quick.code, 0, quick.text);
        assert.match(quick.text, /Apex tests: NoTestRun \(sandbox org\)/);
        assert.ok(quick.calls.some((args) => args.includes('--test-level') && args.includes('NoTestRun')));
        assert.deepEqual(quick.asked, [], '--yes accepts the settings changes');
        const rehearsal = await deploy(fakeOrg('sandbox'), [
            '--target-org',
            'acme',
            '--yes',
            '--test-level',
            'RunLocalTests'
        ]);
        assert.match(rehearsal.text, /Apex tests: RunLocalTests \(asked for\)/);
    });

    it('refuses NoTestRun for a production org before changing anything', async () => {
        const run = await deploy(fakeOrg('production'), ['--target-org', 'acme', '--yes', '--test-level', 'NoTestRun']);
        assert.equal(run.code, 1);
        assert.match(run.text, /✗ Acme is a production org: a deploy with Apex must run tests there\./);
        assert.deepEqual(writes(run.calls), []);
    });

    it('--dry-run reads the org, shows the plan and the settings changes, and changes nothing', async () => {
        const org = fakeOrg('sandbox');
        const run = await deploy(org, ['--target-org', 'acme', '--sdr', 'rep@acme.example', '--dry-run']);
        assert.equal(run.code, 0, run.text);
        assert.deepEqual(writes(run.calls), []);
        assert.equal(run.built, 0);
        assert.deepEqual(run.asked, []);
        assert.match(run.text, /Plan \(dry run: nothing was changed\)/);
        assert.match(run.text, /· planned\s+Deploy force-app\s+test level NoTestRun \(sandbox org\)/);
        assert.match(run.text, /· planned\s+Permission set Baton_SDR → rep@acme\.example\s+to assign/);
        assert.match(run.text, /LeadConfig\.shouldLeadConvertRequireValidation\s+false\s+true/);
        assert.match(run.text, /^The org's current settings are saved in settings-backup\/acme-\w+$/m);
    });

    it('stops before deploying when the deploy-readiness gate fails, and shows its report', async () => {
        const failing: GateReport = {
            passed: false,
            milliseconds: 6100,
            checks: [
                {
                    id: 'apex',
                    title: 'Apex semantics',
                    passed: false,
                    problems: [
                        { file: 'force-app/main/default/classes/A.cls', line: 3, message: 'unknown field Lead.Statuss' }
                    ],
                    summary: '1 class checked',
                    milliseconds: 6100
                }
            ]
        };
        const run = await deploy(fakeOrg('sandbox'), ['--target-org', 'acme', '--yes'], { gate: failing });
        assert.equal(run.code, 1);
        assert.match(run.text, /force-app\/main\/default\/classes\/A\.cls:3: unknown field Lead\.Statuss/);
        assert.match(run.text, /✗ The deploy-readiness gate failed \(1 of 1 checks\); nothing was deployed\./);
        assert.match(run.text, /✗ failed\s+Build and deploy-readiness gate/);
        assert.match(run.text, /- not run\s+Deploy force-app/);
        assert.deepEqual(writes(run.calls), []);
    });

    it('reports the component errors of a failed deploy with their files and lines, and deploys nothing after it', async () => {
        const org = fakeOrg('sandbox');
        org.deployFailures['force-app'] = {
            status: 1,
            name: 'FailedDeployError',
            message: 'Deploy failed.',
            result: {
                id: '0Af000000000002',
                status: 'Failed',
                success: false,
                numberComponentErrors: 2,
                details: {
                    componentFailures: [
                        {
                            componentType: 'ApexClass',
                            fullName: 'LeadSlaService',
                            fileName: 'classes/LeadSlaService.cls',
                            lineNumber: '80',
                            problem: 'Variable does not exist: Assignee__c'
                        },
                        {
                            componentType: 'CustomField',
                            fullName: 'Lead.Fit_Score__c',
                            fileName: 'objects/Lead.object',
                            problem: 'Cannot change type due to existing data'
                        }
                    ]
                }
            }
        };
        const run = await deploy(org, ['--target-org', 'acme', '--yes']);
        assert.equal(run.code, 1);
        assert.match(
            run.text,
            /✗ Deploying force-app failed \(2 component errors\); the org rolled the deploy back, nothing was changed\./
        );
        assert.match(
            run.text,
            /classes\/LeadSlaService\.cls:80: ApexClass LeadSlaService: Variable does not exist: Assignee__c/
        );
        assert.match(
            run.text,
            /objects\/Lead\.object: CustomField Lead\.Fit_Score__c: Cannot change type due to existing data/
        );
        assert.deepEqual(writes(run.calls), ['project deploy start']);
        assert.match(run.text, /- not run\s+Deploy org-settings/);
    });

    it('reports failing Apex tests and coverage below the minimum of a failed deploy', async () => {
        const org = fakeOrg('production');
        org.deployFailures['force-app'] = {
            status: 1,
            name: 'FailedDeployError',
            message: 'Deploy failed.',
            result: {
                status: 'Failed',
                success: false,
                details: {
                    runTestResult: {
                        numTestsRun: '212',
                        failures: {
                            name: 'LeadLifecycleServiceTest',
                            methodName: 'conversionClosesClocksAndSetsTheOpportunityStage',
                            message:
                                'System.SObjectException: SObject row was retrieved via SOQL without querying the requested field: Lead.IsConverted'
                        },
                        codeCoverageWarnings: {
                            name: 'LeadSlaMonitor',
                            message:
                                'Test coverage of selected Apex Class is 61%, at least 75% test coverage is required'
                        }
                    }
                }
            }
        };
        const run = await deploy(org, ['--target-org', 'acme', '--yes']);
        assert.equal(run.code, 1);
        assert.match(run.text, /✗ Deploying force-app failed \(1 test failure, 1 coverage problem\)/);
        assert.match(
            run.text,
            /test LeadLifecycleServiceTest\.conversionClosesClocksAndSetsTheOpportunityStage: System\.SObjectException/
        );
        assert.match(run.text, /coverage LeadSlaMonitor: Test coverage of selected Apex Class is 61%/);
        assert.match(run.text, /Failing tests and coverage below 75 % fail the whole deploy/);
    });

    it("names a component the org did not return, with the CLI's reason, before any change", async () => {
        const org = fakeOrg('sandbox');
        delete org.settings['LeadConvertSettings:LeadConvertSettings'];
        const run = await deploy(org, ['--target-org', 'acme', '--yes']);
        assert.equal(run.code, 1);
        assert.match(
            run.text,
            /The org returned no LeadConvertSettings:LeadConvertSettings to compare with org-settings\/main\/default\/LeadConvertSettings\/LeadConvertSettings\.LeadConvertSetting-meta\.xml: Entity of type 'LeadConvertSettings' named 'LeadConvertSettings' cannot be found\./
        );
        assert.deepEqual(writes(run.calls), []);
    });

    it('stops before any change when the admin says no to the settings changes', async () => {
        const run = await deploy(fakeOrg('sandbox'), ['--target-org', 'acme'], { answer: false });
        assert.equal(run.code, 1);
        assert.equal(run.asked.length, 1);
        assert.match(run.text, /✗ Stopped: you chose not to change the org's \d+ settings; nothing was changed\./);
        assert.match(run.text, /--skip-org-settings/);
        assert.deepEqual(writes(run.calls), []);
        assert.equal(run.built, 0);
    });

    it('without a terminal, fails before any change unless --yes accepts the settings changes', async () => {
        const run = await deploy(fakeOrg('sandbox'), ['--target-org', 'acme'], { terminal: false });
        assert.equal(run.code, 1);
        assert.match(
            run.text,
            /✗ Deploying would change \d+ settings of acme \(listed above\), and there is no terminal to ask; nothing was changed\./
        );
        assert.match(
            run.text,
            /Run again with --yes to accept the changes, or first copy the org's own mappings .* or use --skip-org-settings/
        );
        assert.deepEqual(writes(run.calls), []);
    });

    it('--skip-org-settings deploys without them and leaves the manual steps in the checklist', async () => {
        const run = await deploy(fakeOrg('sandbox'), ['--target-org', 'acme', '--skip-org-settings'], {
            terminal: false
        });
        assert.equal(run.code, 0, run.text);
        assert.ok(!run.calls.some((args) => args.includes('org-settings') || args.includes('retrieve')));
        assert.match(run.text, /- skipped\s+Deploy org-settings .*Require Validation for Converted Leads/);
    });

    it('fails before any change when a named user does not exist or is inactive', async () => {
        const run = await deploy(fakeOrg('sandbox'), [
            '--target-org',
            'acme',
            '--yes',
            '--sdr',
            'gone@acme.example',
            '--manager',
            'who@acme.example'
        ]);
        assert.equal(run.code, 1);
        assert.match(
            run.text,
            /✗ No active user with username gone@acme\.example, who@acme\.example in acme; nothing was deployed\./
        );
        assert.deepEqual(writes(run.calls), []);
    });

    it('names queues that do not exist or do not take leads as left to do', async () => {
        const org = fakeOrg('sandbox');
        org.queues = [{ DeveloperName: 'SDR_Queue', QueueSobjects: { records: [{ SobjectType: 'Case' }] } }];
        const projectDir = await projectWithDefault({ SDR_Queue__c: 'SDR_Queue', Recycle_Queue__c: 'Recycle' });
        const run = await deploy(org, ['--target-org', 'acme', '--yes'], { projectDir });
        assert.equal(run.code, 0, run.text);
        assert.match(
            run.text,
            /! to do\s+Queues named in Baton's settings take leads\s+queue Recycle does not exist .*; queue SDR_Queue does not take leads/
        );
    });

    it('checks that the active lead assignment rule routes MQLs to the SDR queue in its first entry', async () => {
        const org = fakeOrg('sandbox');
        const projectDir = await projectWithDefault({ SDR_Queue__c: 'SDR_Queue' });
        org.assignmentRules = [
            { Name: 'Old routing', Active: false },
            { Name: 'Regional routing', Active: true }
        ];
        org.assignmentRulesFile = assignmentRules([
            { criteria: [['Lead.Country', 'equals', 'Germany,France']], assignedTo: 'EMEA_Queue' },
            { criteria: [['Lead.Lifecycle_Stage__c', 'equals', 'MQL']], assignedTo: 'sdr_queue' }
        ]);
        const run = await deploy(org, ['--target-org', 'acme', '--yes'], { projectDir });
        assert.equal(run.code, 0, run.text);
        assert.match(
            run.text,
            /! to do\s+Active lead assignment rule routes MQLs to the SDR queue\s+active rule "Regional routing" decides the owner of leads saved with it .*its first entry must be "Lifecycle Stage equals MQL → queue SDR_Queue": it is entry 2: move it to the top/
        );
        // Entries come from the Metadata API, retrieved into the run's backup folder inside the project.
        const retrieve = run.calls.find((args) => args.includes('AssignmentRules:Lead')) ?? [];
        const outputDir = retrieve[retrieve.indexOf('--output-dir') + 1] ?? '';
        assert.equal(path.dirname(outputDir), path.join(projectDir, SETTINGS_BACKUP_DIR));

        org.assignmentRulesFile = assignmentRules([
            { criteria: [['Lead.Lifecycle_Stage__c', 'equals', 'MQL,SAL']], assignedTo: 'SDR_Queue' },
            { criteria: [['Lead.Country', 'equals', 'Germany']], assignedTo: 'EMEA_Queue' }
        ]);
        const fixed = await deploy(org, ['--target-org', 'acme', '--yes', '--skip-org-settings'], { projectDir });
        assert.match(
            fixed.text,
            /✓ done\s+Active lead assignment rule routes MQLs to the SDR queue\s+active rule "Regional routing": its first entry gives MQLs to SDR_Queue/
        );
    });

    it('does not count an entry with more conditions, a formula or another queue as routing MQLs', async () => {
        const org = fakeOrg('sandbox');
        const projectDir = await projectWithDefault({ SDR_Queue__c: 'SDR_Queue' });
        org.assignmentRules = [{ Name: 'Standard', Active: true }];
        for (const entry of [
            {
                criteria: [
                    ['Lead.Lifecycle_Stage__c', 'equals', 'MQL'],
                    ['Lead.Country', 'equals', 'Germany']
                ],
                assignedTo: 'SDR_Queue'
            },
            { criteria: [['Lead.Lifecycle_Stage__c', 'notEqual', 'MQL']], assignedTo: 'SDR_Queue' },
            { criteria: [['Lead.Lifecycle_Stage__c', 'equals', 'MQL']], assignedTo: 'Other_Queue' },
            { criteria: [['Lead.Lifecycle_Stage__c', 'equals', 'MQL']], assignedTo: 'SDR_Queue', formula: 'true' }
        ]) {
            org.assignmentRulesFile = assignmentRules([entry]);
            const run = await deploy(org, ['--target-org', 'acme', '--yes', '--skip-org-settings'], { projectDir });
            assert.match(
                run.text,
                /! to do\s+Active lead assignment rule .*: add it at the top/,
                JSON.stringify(entry)
            );
        }
    });

    it('says where new MQLs go when no lead assignment rule is active, without retrieving any', async () => {
        const run = await deploy(fakeOrg('sandbox'), ['--target-org', 'acme', '--yes', '--skip-org-settings']);
        assert.match(
            run.text,
            /✓ done\s+Active lead assignment rule routes MQLs to the SDR queue\s+no active lead assignment rule; no SDR queue: new MQLs keep their owner/
        );
        const projectDir = await projectWithDefault({ SDR_Queue__c: 'SDR_Queue' });
        const withQueue = await deploy(fakeOrg('sandbox'), ['--target-org', 'acme', '--yes'], { projectDir });
        assert.match(withQueue.text, /no active lead assignment rule: new MQLs go to SDR_Queue/);
        assert.ok(!run.calls.some((args) => args.includes('AssignmentRules:Lead')));
    });

    it('checks the round-robin members: their queues take leads, their users are active and hold Baton_SDR', async () => {
        const org = fakeOrg('sandbox');
        const none = await deploy(org, ['--target-org', 'acme', '--yes']);
        assert.match(none.text, /- skipped\s+Round-robin members\s+no round-robin members: leads wait in their queue/);

        org.queues.push({ DeveloperName: 'Cases', QueueSobjects: { records: [{ SobjectType: 'Case' }] } });
        org.routingMembers = [
            { Queue__c: 'SDR_Queue', User__r: { Username: 'rep@acme.example', IsActive: true } },
            { Queue__c: 'sdr_queue', User__r: { Username: 'gone@acme.example', IsActive: false } },
            { Queue__c: 'Cases', User__r: { Username: 'lead@acme.example', IsActive: true } },
            { Queue__c: 'SDR_Queue', User__r: null }
        ];
        const run = await deploy(org, ['--target-org', 'acme', '--yes']);
        assert.equal(run.code, 0, run.text);
        const item = /! to do\s+Round-robin members\s+(.*)/.exec(run.text)?.[1] ?? '';
        assert.match(item, /^Cases: 1 rep, SDR_Queue: 2 reps; /);
        assert.match(item, /a member has no user/);
        assert.match(item, /gone@acme\.example in sdr_queue is an inactive user and never gets a turn/);
        assert.match(item, /queue Cases does not take leads/);
        assert.match(
            item,
            /; lead@acme\.example, rep@acme\.example lack Baton_SDR \(Baton's queue\): run again with --sdr <username>$/
        );

        org.routingMembers = [{ Queue__c: 'SDR_Queue', User__r: { Username: 'gone@acme.example', IsActive: false } }];
        const nobodyActive = await deploy(org, ['--target-org', 'acme', '--yes']);
        assert.match(
            nobodyActive.text,
            /! to do\s+Round-robin members\s+SDR_Queue: 1 rep; gone@acme\.example in SDR_Queue is an inactive user and never gets a turn\n/
        );

        org.routingMembers = [
            { Queue__c: 'SDR_Queue', User__r: { Username: 'rep@acme.example', IsActive: true } },
            { Queue__c: 'SDR_Queue', User__r: { Username: 'lead@acme.example', IsActive: true } }
        ];
        const fixed = await deploy(org, [
            '--target-org',
            'acme',
            '--yes',
            '--sdr',
            'rep@acme.example',
            '--sdr',
            'lead@acme.example'
        ]);
        assert.match(fixed.text, /✓ done\s+Round-robin members\s+SDR_Queue: 2 reps\n/);
    });

    it('checks the chat channel: its Named Credential exists and someone holds Baton_Chat_Poster', async () => {
        const org = fakeOrg('sandbox');
        const off = await deploy(org, ['--target-org', 'acme', '--yes']);
        assert.match(off.text, /- skipped\s+Handoff posts to a chat channel\s+no Chat Named Credential/);

        // Set in source, as the deploy would otherwise put the project's blank value back.
        const projectDir = await projectWithDefault({ Chat_Named_Credential__c: 'Baton_Chat' });
        const missing = await deploy(org, ['--target-org', 'acme', '--yes'], { projectDir });
        assert.match(
            missing.text,
            /! to do\s+Handoff posts to a chat channel\s+Named Credential Baton_Chat does not exist .*; no active user holds Baton_Chat_Poster, so every post fails/
        );

        org.namedCredentials = ['Baton_Chat'];
        const run = await deploy(org, ['--target-org', 'acme', '--yes', '--chat-poster', 'lead@acme.example'], {
            projectDir
        });
        assert.deepEqual(
            run.calls.find((args) => args.includes('Baton_Chat_Poster') && args[1] === 'assign'),
            [
                'org',
                'assign',
                'permset',
                '--name',
                'Baton_Chat_Poster',
                '--on-behalf-of',
                'lead@acme.example',
                '--target-org',
                'acme'
            ]
        );
        assert.match(
            run.text,
            /✓ done\s+Handoff posts to a chat channel\s+posts through Baton_Chat as any of 1 user holding Baton_Chat_Poster/
        );
    });

    it('shows the configuration values edited in the org that deploying force-app would undo, and asks first', async () => {
        const org = fakeOrg('sandbox');
        const first = await deploy(org, ['--target-org', 'acme', '--yes', '--json']);
        assert.equal(first.code, 0, first.text);
        assert.deepEqual((JSON.parse(first.stdout) as { configChanges: unknown[] }).configChanges, []);
        assert.ok(org.config, 'the first deploy creates the records');
        // An admin then changes the setting in Setup and adds a rule of the org's own.
        editConfig(org, 'Lead_Handoff_Setting__mdt', 'Default', { SDR_Queue__c: 'SDR_Team', MQL_Fit_Threshold__c: 60 });
        org.config['Lead_Stage_Criterion__mdt']?.push({
            DeveloperName: 'MQL_Fit_Partner',
            MasterLabel: 'MQL: partner',
            Active__c: true
        });

        const plan = await deploy(org, ['--target-org', 'acme', '--dry-run', '--json']);
        const report = JSON.parse(plan.stdout) as {
            configChanges: { record: string; field: string; org: string; project: string }[];
            checklist: { key: string; detail: string }[];
        };
        assert.deepEqual(report.configChanges, [
            { record: 'Lead_Handoff_Setting.Default', field: 'MQL_Fit_Threshold__c', org: '60', project: '50' },
            { record: 'Lead_Handoff_Setting.Default', field: 'SDR_Queue__c', org: 'SDR_Team', project: '(blank)' }
        ]);
        assert.match(
            report.checklist.find(({ key }) => key === 'package')?.detail ?? '',
            /replaces 2 configuration values \(listed above\)$/
        );
        assert.match(
            plan.text,
            /Deploying force-app replaces these values of Baton's configuration in acme \(edited in the org, not in the project\):/
        );
        const retrieveHint =
            'npx sf project retrieve start --metadata CustomMetadata:Lead_Handoff_Setting.Default --target-org acme';
        assert.ok(plan.text.includes(retrieveHint), plan.text);

        const unattended = await deploy(org, ['--target-org', 'acme', '--skip-org-settings'], { terminal: false });
        assert.equal(unattended.code, 1);
        assert.match(unattended.text, /✗ Deploying would change 2 configuration values of acme \(listed above\)/);
        assert.ok(unattended.text.includes(`copy the org's configuration into the project (${retrieveHint})`));
        assert.deepEqual(writes(unattended.calls), []);

        const declined = await deploy(org, ['--target-org', 'acme', '--skip-org-settings'], { answer: false });
        assert.deepEqual(declined.asked, ['Deploy and change these 2 configuration values of acme?']);
        assert.deepEqual(writes(declined.calls), []);
        assert.equal(org.config['Lead_Handoff_Setting__mdt']?.[0]?.SDR_Queue__c, 'SDR_Team', 'nothing was lost');

        const accepted = await deploy(org, ['--target-org', 'acme', '--skip-org-settings'], { answer: true });
        assert.equal(accepted.code, 0, accepted.text);
        const setting = org.config['Lead_Handoff_Setting__mdt'].find(
            ({ DeveloperName }) => DeveloperName === 'Default'
        );
        assert.ok(setting);
        assert.equal(setting.SDR_Queue__c, null);
        assert.equal(setting.MQL_Fit_Threshold__c, 50);
        assert.ok(
            org.config['Lead_Stage_Criterion__mdt']?.some(({ DeveloperName }) => DeveloperName === 'MQL_Fit_Partner'),
            'a record only the org has stays'
        );
        const again = await deploy(org, ['--target-org', 'acme', '--skip-org-settings'], { answer: false });
        assert.doesNotMatch(again.text, /replaces these values/);
        assert.deepEqual(again.asked, []);
    });

    it('says how to log in when the org is unknown to the CLI', async () => {
        const run = await deploy(fakeOrg('sandbox'), ['--target-org', 'nobody']);
        assert.equal(run.code, 1);
        assert.match(run.text, /✗ Unknown org "nobody": the Salesforce CLI has no login with that alias or username\./);
        assert.match(run.text, /npx sf org login web --alias nobody/);
    });

    it('prints only the JSON report on stdout with --json', async () => {
        const run = await deploy(fakeOrg('sandbox'), ['--target-org', 'acme', '--yes', '--json']);
        assert.equal(run.code, 0);
        const report = JSON.parse(run.stdout) as {
            ok: boolean;
            testLevel: string;
            checklist: { key: string; state: string }[];
        };
        assert.equal(report.ok, true);
        assert.equal(report.testLevel, 'NoTestRun');
        assert.equal(report.checklist.find(({ key }) => key === 'package')?.state, 'done');
    });

    it('exits 2 on a usage error, before reading the org', async () => {
        for (const argv of [
            [],
            ['--target-org', 'acme', '--test-level', 'RunEverything'],
            ['--target-org', 'acme', '--wait', '0']
        ]) {
            const run = await deploy(fakeOrg('sandbox'), argv);
            assert.equal(run.code, 2, argv.join(' '));
            assert.deepEqual(run.calls, []);
        }
    });

    it('runs only commands and flags that the pinned Salesforce CLI defines', () => {
        assert.ok(ranCommands.length > 50);
        assert.deepEqual(ranCommands.flatMap(sfCommandProblems), []);
    });
});
