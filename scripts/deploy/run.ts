/**
 * The one-command deploy: read the org and plan (nothing changes before the plan is shown and, when
 * org settings would change, accepted), then build, gate, deploy `force-app`, deploy `org-settings`,
 * assign permission sets, schedule the jobs, check the org's routing setup (queues, the active
 * assignment rule, round-robin members, the chat channel), and print the checklist with each item's
 * state. Every step is idempotent, so after a failure the same command picks up again.
 */
import { formatTable, say, type Output } from '../lib/output.ts';
import { ScriptError } from '../lib/errors.ts';
import type { SfRunner } from '../lib/sfCli.ts';
import { count } from '../validate/check.ts';
import { formatReport, seconds } from '../validate/format-report.ts';
import type { GateReport } from '../validate/run-gate.ts';
import type { OrgCalls } from './orgCalls.ts';
import { compareOrgSettings, ORG_SETTINGS_DIR, type SettingsComparison } from './orgSettings.ts';
import {
    assignMissing,
    checkUsers,
    existingAssignments,
    wantedAssignments,
    type Assignment,
    type DeployUsers
} from './permissionSets.ts';
import { checkAssignmentRule } from './assignmentRule.ts';
import { compareConfigRecords, type ConfigChange, type ConfigComparison } from './configRecords.ts';
import { checkChat } from './chat.ts';
import { readHandoffSetup, type HandoffSetup, type SetupCheck } from './handoffSetup.ts';
import { checkQueues } from './queues.ts';
import { checkRoundRobin } from './roundRobin.ts';
import { readJobStates, ROLLUP_JOB, scheduleMissing, type JobState } from './schedules.ts';
import { DeployFailure, deploySource } from './sourceDeploy.ts';
import { chooseTestLevel, readTargetOrg, type TargetOrg, type TestLevel } from './targetOrg.ts';

export const PACKAGE_DIR = 'force-app';

export interface DeployOptions {
    targetOrg: string;
    /** Overrides the test level the org's kind implies. */
    testLevel?: TestLevel;
    waitMinutes: number;
    users: DeployUsers;
    yes: boolean;
    dryRun: boolean;
    skipOrgSettings: boolean;
}

/** Everything the deploy does outside its own logic, replaceable in tests. */
export interface DeployTools {
    /** Every call to the org goes through the Salesforce CLI, through this. */
    sf: SfRunner;
    projectDir: string;
    build(): Promise<void>;
    gate(): Promise<GateReport>;
    /** Asks a yes/no question; absent when there is no terminal to ask on. */
    confirm?: (question: string) => Promise<boolean>;
    /** A new folder inside the project to retrieve the org's current settings into (kept as a backup). */
    backupDir(targetOrg: string): Promise<string>;
}

export type ItemState = 'planned' | 'done' | 'already' | 'unchanged' | 'skipped' | 'to do' | 'failed' | 'not run';

export interface ChecklistItem {
    key: string;
    item: string;
    state: ItemState;
    detail: string;
}

export interface DeployReport {
    ok: boolean;
    dryRun: boolean;
    org: { targetOrg: string; username: string; name: string; kind: TargetOrg['kind'] };
    testLevel: TestLevel;
    settingsChanges: SettingsComparison['changes'];
    /** Values of Baton's custom metadata records in the org that deploying force-app replaces. */
    configChanges: ConfigChange[];
    backupDir?: string;
    checklist: ChecklistItem[];
    error?: string;
    problems?: string[];
}

const MARKS: Record<ItemState, string> = {
    planned: '·',
    done: '✓',
    already: '✓',
    unchanged: '✓',
    skipped: '-',
    'to do': '!',
    failed: '✗',
    'not run': '-'
};

/** Work that org changes wait for: each step sets the state of its checklist items. */
interface Step {
    keys: string[];
    announce: string;
    run(): Promise<void>;
}

class Checklist {
    readonly items: ChecklistItem[] = [];

    add(key: string, item: string, state: ItemState, detail: string): void {
        this.items.push({ key, item, state, detail });
    }

    set(key: string, state: ItemState, detail: string): void {
        const item = this.items.find((candidate) => candidate.key === key);
        if (item) {
            item.state = state;
            item.detail = detail;
        }
    }

    state(key: string): ItemState | undefined {
        return this.items.find((item) => item.key === key)?.state;
    }

    format(title: string): string {
        const rows = this.items.map(({ state, item, detail }) => [`${MARKS[state]} ${state}`, item, detail]);
        return `${title}\n${formatTable(['state', 'item', 'detail'], rows)}`;
    }
}

const assignmentKey = ({ permissionSet, username }: Assignment): string => `permset:${permissionSet}:${username}`;
const jobKey = ({ job }: JobState): string => `job:${job.name}`;

export async function runDeploy(options: DeployOptions, tools: DeployTools, output: Output): Promise<DeployReport> {
    const org: OrgCalls = { sf: tools.sf, targetOrg: options.targetOrg };
    say(output, `Reading ${options.targetOrg}…`);
    const target = await readTargetOrg(org);
    const testLevel = chooseTestLevel(target, options.testLevel);
    const wanted = wantedAssignments(target.username, options.users);
    await checkUsers(
        org,
        wanted.map(({ username }) => username)
    );
    const assignments = await existingAssignments(org, wanted);
    const jobs = await readJobStates(org);
    const settings = options.skipOrgSettings
        ? undefined
        : await compareOrgSettings(org, tools.projectDir, await tools.backupDir(options.targetOrg));
    const config = await compareConfigRecords(org, tools.projectDir);

    const checklist = new Checklist();
    const steps = plan(
        options,
        tools,
        org,
        { target, testLevel, assignments, jobs, settings, config },
        checklist,
        output
    );
    const report: DeployReport = {
        ok: true,
        dryRun: options.dryRun,
        org: {
            targetOrg: options.targetOrg,
            username: target.username,
            name: target.organization.Name,
            kind: target.kind
        },
        testLevel: testLevel.level,
        settingsChanges: settings?.changes ?? [],
        configChanges: config.changes,
        ...(settings ? { backupDir: settings.backupDir } : {}),
        checklist: checklist.items
    };
    printPlan(output, report, settings, config, testLevel.why);
    if (options.dryRun) {
        say(output, `\n${checklist.format('Plan (dry run: nothing was changed)')}`);
        return report;
    }
    if (((settings?.changes.length ?? 0) > 0 || config.changes.length > 0) && !options.yes) {
        await askToOverwrite(options, tools, settings, config);
    }
    for (const [index, step] of steps.entries()) {
        say(output, `\n▸ ${step.announce}`);
        try {
            await step.run();
        } catch (error) {
            for (const key of step.keys) {
                if (checklist.state(key) === 'planned') checklist.set(key, 'failed', (error as Error).message);
            }
            for (const later of steps.slice(index + 1).flatMap(({ keys }) => keys)) {
                if (checklist.state(later) === 'planned')
                    checklist.set(later, 'not run', 'stopped after the failure above');
            }
            if (error instanceof DeployFailure) {
                say(output, error.problems.map((problem) => `  ${problem}`).join('\n'));
            }
            say(output, `\n${checklist.format(`Checklist for ${options.targetOrg}`)}`);
            throw error;
        }
    }
    say(output, `\n${checklist.format(`Checklist for ${options.targetOrg}`)}`);
    report.ok = !checklist.items.some(({ state }) => state === 'failed');
    return report;
}

interface Reading {
    target: TargetOrg;
    testLevel: { level: TestLevel; why: string };
    assignments: Assignment[];
    jobs: JobState[];
    settings: SettingsComparison | undefined;
    config: ConfigComparison;
}

/** Adds every checklist item in its planned state and returns the steps that carry them out. */
function plan(
    options: DeployOptions,
    tools: DeployTools,
    org: OrgCalls,
    { target, testLevel, assignments, jobs, settings, config }: Reading,
    checklist: Checklist,
    output: Output
): Step[] {
    const steps: Step[] = [];
    checklist.add('gate', 'Build and deploy-readiness gate', 'planned', 'npm run build, npm run validate');
    steps.push({
        keys: ['gate'],
        announce: 'Building and running the deploy-readiness gate (npm run validate)…',
        run: async () => {
            await tools.build();
            const gate = await tools.gate();
            if (!gate.passed) {
                say(output, formatReport(gate));
                throw new ScriptError(
                    `The deploy-readiness gate failed (${gate.checks.filter(({ passed }) => !passed).length} of ${gate.checks.length} checks); nothing was deployed.`,
                    'Fix the problems listed above (npm run validate shows the same report), then run the same command again.'
                );
            }
            checklist.set(
                'gate',
                'done',
                `${count(gate.checks.length, 'check')} passed in ${seconds(gate.milliseconds)}`
            );
        }
    });

    const replaced =
        config.changes.length > 0
            ? `; replaces ${count(config.changes.length, 'configuration value')} (listed above)`
            : '';
    checklist.add(
        'package',
        `Deploy ${PACKAGE_DIR}`,
        'planned',
        `test level ${testLevel.level} (${testLevel.why})${replaced}`
    );
    steps.push({
        keys: ['package'],
        announce: `Deploying ${PACKAGE_DIR} to ${options.targetOrg} with ${testLevel.level}…`,
        run: async () => {
            const deployed = await deploySource(org, PACKAGE_DIR, {
                testLevel: testLevel.level,
                waitMinutes: options.waitMinutes
            });
            checklist.set(
                'package',
                'done',
                `${deployed.components} components, ${deployed.testsRun} Apex tests run (${testLevel.level}), deploy ${deployed.id}`
            );
        }
    });

    const settingsItem = `Deploy ${ORG_SETTINGS_DIR} (lead conversion mapping, Lead settings)`;
    if (!settings) {
        checklist.add(
            'settings',
            settingsItem,
            'skipped',
            '--skip-org-settings: map the Baton lead fields (Setup → Lead Fields → Map Lead Fields) and turn on "Require Validation for Converted Leads" (Setup → Lead Settings) yourself'
        );
    } else if (settings.changes.length === 0) {
        checklist.add('settings', settingsItem, 'unchanged', 'the org already has these settings');
    } else {
        checklist.add(
            'settings',
            settingsItem,
            'planned',
            `${count(settings.changes.length, 'setting')} to change (listed above)`
        );
        steps.push({
            keys: ['settings'],
            announce: `Deploying ${ORG_SETTINGS_DIR}…`,
            run: async () => {
                await deploySource(org, ORG_SETTINGS_DIR, { waitMinutes: options.waitMinutes });
                checklist.set(
                    'settings',
                    'done',
                    `${settings.changes.length} settings changed; the previous ones are in ${settings.backupFolder}`
                );
            }
        });
    }

    for (const assignment of assignments) {
        const you = assignment.username.toLowerCase() === target.username.toLowerCase() ? ' (you)' : '';
        checklist.add(
            assignmentKey(assignment),
            `Permission set ${assignment.permissionSet} → ${assignment.username}${you}`,
            assignment.existed ? 'already' : 'planned',
            assignment.existed ? 'already assigned' : 'to assign'
        );
    }
    if (assignments.some(({ existed }) => !existed)) {
        steps.push({
            keys: assignments.map(assignmentKey),
            announce: 'Assigning permission sets…',
            run: async () => {
                await assignMissing(org, assignments);
                for (const assignment of assignments.filter(({ existed }) => !existed)) {
                    checklist.set(assignmentKey(assignment), 'done', 'assigned');
                }
            }
        });
    }

    for (const state of jobs) {
        checklist.add(
            jobKey(state),
            `${state.job.label} scheduled ("${state.job.name}")`,
            state.existing ? 'already' : 'planned',
            state.existing
                ? `already scheduled (${state.existing.state}, next run ${state.existing.nextFireTime ?? 'none'})`
                : `to schedule: ${state.job.when}`
        );
    }
    if (jobs.some(({ existing }) => !existing)) {
        steps.push({
            keys: jobs.map(jobKey),
            announce: 'Scheduling the SLA monitor and the funnel rollup…',
            run: async () => {
                for (const job of await scheduleMissing(org, jobs)) {
                    checklist.set(`job:${job.name}`, 'done', `scheduled ${job.when}, as ${target.username}`);
                }
            }
        });
    }

    const setupChecks: { key: string; item: string; check: (setup: HandoffSetup) => Promise<SetupCheck> }[] = [
        {
            key: 'queues',
            item: "Queues named in Baton's settings take leads",
            check: (setup) => checkQueues(org, setup)
        },
        {
            key: 'assignment-rule',
            item: 'Active lead assignment rule routes MQLs to the SDR queue',
            check: (setup) =>
                checkAssignmentRule(org, setup, async () => settings?.backupDir ?? tools.backupDir(options.targetOrg))
        },
        { key: 'round-robin', item: 'Round-robin members', check: () => checkRoundRobin(org) },
        { key: 'chat', item: 'Handoff posts to a chat channel', check: (setup) => checkChat(org, setup) }
    ];
    for (const { key, item } of setupChecks) {
        checklist.add(key, item, 'planned', 'checked after the deploy');
    }
    steps.push({
        keys: setupChecks.map(({ key }) => key),
        announce: 'Checking the queues, the assignment rule, round robin and the chat channel…',
        run: async () => {
            const setup = await readHandoffSetup(org);
            for (const { key, check } of setupChecks) {
                const { state, detail } = await check(setup);
                checklist.set(key, state, detail);
            }
        }
    });

    checklist.add(
        'business-hours',
        'Business hours of your sales team',
        'to do',
        "SLA clocks count in the business hours named in Lead Handoff Setting → Default (blank: the org's default, 24/7 in a new org): see docs/admin.md#after-you-deploy-the-checklist"
    );
    checklist.add(
        'layout',
        'Lead SLAs related list on the Lead page layout',
        'to do',
        'Baton ships no Lead layout: add the related list to yours (Setup → Object Manager → Lead → Page Layouts)'
    );
    if (jobs.some(({ job, existing }) => job === ROLLUP_JOB && !existing)) {
        checklist.add(
            'funnel-history',
            'Funnel history older than 180 days',
            'to do',
            "the rollup's first nightly run computes the last 180 days; for more, run LeadFunnelRollupBatch.run(730); once (docs/admin.md#schedule-the-jobs-by-hand)"
        );
    }
    return steps;
}

function printPlan(
    output: Output,
    report: DeployReport,
    settings: SettingsComparison | undefined,
    config: ConfigComparison,
    testLevelWhy: string
): void {
    const { org } = report;
    say(output, `${org.targetOrg}: ${org.name}, ${org.kind} org, deploying as ${org.username}`);
    say(output, `Apex tests: ${report.testLevel} (${testLevelWhy})`);
    if (config.changes.length > 0) {
        say(
            output,
            `\nDeploying ${PACKAGE_DIR} replaces these values of Baton's configuration in ${org.targetOrg} (edited in the org, not in the project):`
        );
        say(
            output,
            formatTable(
                ['record', 'field', 'in the org now', `after (${PACKAGE_DIR})`],
                config.changes.map(({ record, field, org: current, project }) => [record, field, current, project])
            )
        );
        say(
            output,
            `To keep the org's values, copy them into the project first, then run again:\n  ${retrieveCommand(config, org.targetOrg)}`
        );
    }
    if (!settings) {
        return;
    }
    if (settings.changes.length === 0) {
        say(output, `${ORG_SETTINGS_DIR}: the org already has these settings (${settings.names.join(', ')})`);
    } else {
        say(output, `\nDeploying ${ORG_SETTINGS_DIR} changes these settings of ${org.targetOrg}:`);
        say(
            output,
            formatTable(
                ['setting', 'in the org now', `after (${ORG_SETTINGS_DIR})`],
                settings.changes.map(({ setting, org: current, project }) => [setting, current, project])
            )
        );
    }
    say(output, `The org's current settings are saved in ${settings.backupFolder}`);
}

/** The command that copies the org's changed records over the project's files (git shows the difference). */
function retrieveCommand(config: ConfigComparison, targetOrg: string): string {
    const members = config.changedRecords.map((member) => `--metadata ${member}`).join(' ');
    return `npx sf project retrieve start ${members} --target-org ${targetOrg}`;
}

async function askToOverwrite(
    options: DeployOptions,
    tools: DeployTools,
    settings: SettingsComparison | undefined,
    config: ConfigComparison
): Promise<void> {
    const what = [
        ...(settings && settings.changes.length > 0 ? [count(settings.changes.length, 'setting')] : []),
        ...(config.changes.length > 0 ? [count(config.changes.length, 'configuration value')] : [])
    ].join(' and ');
    const keep = [
        ...(config.changes.length > 0
            ? [`copy the org's configuration into the project (${retrieveCommand(config, options.targetOrg)})`]
            : []),
        ...(settings && settings.changes.length > 0
            ? [
                  `copy the org's own mappings into ${ORG_SETTINGS_DIR}/ (its current settings are in ${settings.backupFolder}) or use --skip-org-settings`
              ]
            : [])
    ].join('; ');
    if (!tools.confirm) {
        throw new ScriptError(
            `Deploying would change ${what} of ${options.targetOrg} (listed above), and there is no terminal to ask; nothing was changed.`,
            `Run again with --yes to accept the changes, or first ${keep}.`
        );
    }
    const accepted = await tools.confirm(`Deploy and change these ${what} of ${options.targetOrg}?`);
    if (!accepted) {
        throw new ScriptError(
            `Stopped: you chose not to change the org's ${what}; nothing was changed.`,
            `To keep the org's values, ${keep}, and run again.`
        );
    }
}
