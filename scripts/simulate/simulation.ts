/**
 * The simulation proper: each lead through the criteria engine under the current and the proposed set
 * (MQL, SAL and SQL gates; a gate that is the same in both sets is evaluated once), with the report's
 * figures kept as running totals, so memory does not grow with the number of leads: the transition matrix,
 * per-rule counts and marginal effects, MQL volume by Lead Source and by owner, a few sample leads per
 * transition, drift by cause and the first unexplained drifts.
 */
import {
    decimalOf,
    evaluateGate,
    prepareGate,
    type Criterion,
    type Gate,
    type LeadValues,
    type RuleResult,
    type StageEvaluation
} from '../lib/criteria/engine.ts';
import { ExactDecimal } from '../lib/criteria/values.ts';
import type { CriteriaSet } from './criteria.ts';
import {
    DRIFT_CAUSES,
    driftOf,
    type DriftCause,
    type DriftContext,
    type DriftFinding,
    type StoredLead
} from './drift.ts';
import { asText } from '../lib/text.ts';

export const STAGES = ['MQL', 'SAL', 'SQL'] as const;
export type GateStage = (typeof STAGES)[number];

/** Where a lead lands under one set: MQL, or the fit × sales-ready quadrant of a lead the gate does not pass. */
export const CLASSES = [
    'MQL',
    'Good Fit, Sales Ready, not MQL',
    'Good Fit, Sales Unready',
    'Poor Fit, Sales Ready',
    'Poor Fit, Sales Unready'
] as const;
export type LeadClass = (typeof CLASSES)[number];

/** Sample leads kept per transition, and unexplained drifts kept for the report (all are in drift.csv). */
export const SAMPLES_PER_TRANSITION = 10;
const UNEXPLAINED_LISTED = 1000;

export interface LeadInput {
    id: string;
    name: string;
    source: string;
    owner: string;
    values: LeadValues;
    stored: StoredLead;
}

export interface SideOutcome {
    leadClass: LeadClass;
    fit: ExactDecimal;
    interest: ExactDecimal;
    sal: boolean;
    sql: boolean;
}

export interface LeadOutcome {
    current: SideOutcome;
    proposed: SideOutcome;
    drift: DriftFinding | null;
}

export interface RuleCounts {
    passed: number;
    failed: number;
    skipped: number;
    /** Leads whose verdict under this set would flip without this rule: its marginal effect. */
    decides: number;
    /** Why the engine skipped the rule, the first time it did (a misconfigured rule earns nothing). */
    skipReason: string | null;
}

export interface RuleStat {
    name: string;
    stage: GateStage;
    dimension: string;
    description: string;
    change: 'unchanged' | 'changed' | 'added' | 'removed';
    current: RuleCounts | null;
    proposed: RuleCounts | null;
    /** Leads whose current verdict flips when only this rule's change is applied (null when unchanged). */
    alone: number | null;
}

export interface LeadRef {
    id: string;
    name: string;
}

export interface Volume {
    name: string;
    leads: number;
    current: number;
    proposed: number;
}

export interface UnexplainedDrift extends LeadRef {
    stage: string | null;
    fit: string | null;
    interest: string | null;
    expectedStage: string;
    expectedFit: string | null;
    expectedInterest: string | null;
}

export interface SimulationReport {
    leads: number;
    classes: readonly LeadClass[];
    /** Leads by current class (row) and proposed class (column), in CLASSES order. */
    matrix: number[][];
    gates: { stage: GateStage; current: number; proposed: number }[];
    rules: RuleStat[];
    thresholds: {
        current: { fit: string; interest: string };
        proposed: { fit: string; interest: string };
        /** Leads whose current MQL verdict flips under the proposed thresholds alone (null when unchanged). */
        alone: number | null;
    };
    bySource: Volume[];
    byOwner: Volume[];
    samples: { from: LeadClass; to: LeadClass; leads: LeadRef[] }[];
    drift: { cause: DriftCause; label: string; drift: boolean; meaning: string; leads: number }[];
    unexplained: UnexplainedDrift[];
}

/** A gate of one set, with where each of its rules is counted. */
interface SideGate {
    gate: Gate;
    /** Identity of the gate's rules and thresholds: equal keys evaluate alike. */
    key: string;
    /** For each rule of the gate, in order, its index in the rule statistics. */
    slots: number[];
}

type SideGates = Record<GateStage, SideGate>;
type Evaluations = Record<GateStage, StageEvaluation>;

const ZERO = new ExactDecimal(0);

function gateKey(gate: Gate): string {
    return JSON.stringify([
        gate.stage,
        gate.fitThreshold.toFixed(),
        gate.interestThreshold.toFixed(),
        gate.rules.map(({ rule }) => ruleKey(rule))
    ]);
}

function ruleKey(rule: Criterion): string {
    const number = (value: unknown): string | null =>
        value === null || value === undefined ? null : (decimalOf(value)?.toFixed() ?? asText(value));
    return JSON.stringify([
        rule.DeveloperName,
        rule.Stage__c,
        rule.Dimension__c,
        rule.Field__c,
        rule.Operator__c,
        rule.Value__c,
        number(rule.Points__c),
        rule.Required__c,
        number(rule.Sort_Order__c)
    ]);
}

function classOf(mql: StageEvaluation): LeadClass {
    if (mql.verdict === 'Pass') {
        return 'MQL';
    }
    return mql.quadrant === 'Good Fit, Sales Ready' ? 'Good Fit, Sales Ready, not MQL' : (mql.quadrant as LeadClass);
}

/** A gate's verdict from its tallies: failed required rules, and for MQL the two scores against the thresholds. */
function verdictOf(
    stage: GateStage,
    gate: Gate,
    failedRequired: number,
    fit: ExactDecimal,
    interest: ExactDecimal
): boolean {
    if (failedRequired > 0) {
        return false;
    }
    return stage !== 'MQL' || (fit.gte(gate.fitThreshold) && interest.gte(gate.interestThreshold));
}

function failedRequiredOf(evaluation: StageEvaluation): number {
    let failed = 0;
    for (const result of evaluation.results) {
        if (result.outcome === 'Failed' && result.required) {
            failed++;
        }
    }
    return failed;
}

/** A rule's part in its gate's tallies: points on a dimension when it passed, a required failure when it failed. */
function contribution(result: RuleResult | undefined): { fit: ExactDecimal; interest: ExactDecimal; failed: number } {
    if (!result) {
        return { fit: ZERO, interest: ZERO, failed: 0 };
    }
    const passed = result.outcome === 'Passed';
    return {
        fit: passed && result.dimension === 'Fit' ? result.points : ZERO,
        interest: passed && result.dimension === 'Interest' ? result.points : ZERO,
        failed: result.outcome === 'Failed' && result.required ? 1 : 0
    };
}

function emptyCounts(): RuleCounts {
    return { passed: 0, failed: 0, skipped: 0, decides: 0, skipReason: null };
}

export class Simulation {
    private readonly current: SideGates;
    private readonly proposed: SideGates;
    private readonly context: DriftContext;
    private readonly rules: RuleStat[] = [];
    /** For each changed rule: its stage and its index in each set's gate (-1 when not active there). */
    private readonly changes: { stat: RuleStat; stage: GateStage; currentIndex: number; proposedIndex: number }[] = [];
    private readonly thresholdsChanged: boolean;
    private thresholdsAlone = 0;
    private leads = 0;
    private readonly matrix = CLASSES.map(() => CLASSES.map(() => 0));
    private readonly passing: Record<GateStage, { current: number; proposed: number }> = {
        MQL: { current: 0, proposed: 0 },
        SAL: { current: 0, proposed: 0 },
        SQL: { current: 0, proposed: 0 }
    };
    private readonly bySource = new Map<string, Volume>();
    private readonly byOwner = new Map<string, Volume>();
    private readonly samples = new Map<string, LeadRef[]>();
    private readonly driftCounts = new Map<DriftCause, number>();
    private readonly unexplained: UnexplainedDrift[] = [];
    private readonly currentSet: CriteriaSet;
    private readonly proposedSet: CriteriaSet;

    constructor(current: CriteriaSet, proposed: CriteriaSet, context: DriftContext) {
        this.currentSet = current;
        this.proposedSet = proposed;
        this.context = context;
        const currentGates = this.prepare(current);
        const proposedGates = this.prepare(proposed);
        this.current = this.sideGates(currentGates, 'current');
        this.proposed = this.sideGates(proposedGates, 'proposed');
        for (const stat of this.rules) {
            const currentIndex = currentGates[stat.stage].rules.findIndex(
                ({ rule }) => rule.DeveloperName === stat.name
            );
            const proposedIndex = proposedGates[stat.stage].rules.findIndex(
                ({ rule }) => rule.DeveloperName === stat.name
            );
            const before = currentGates[stat.stage].rules[currentIndex]?.rule;
            const after = proposedGates[stat.stage].rules[proposedIndex]?.rule;
            stat.change = !before
                ? 'added'
                : !after
                  ? 'removed'
                  : ruleKey(before) === ruleKey(after)
                    ? 'unchanged'
                    : 'changed';
            if (stat.change !== 'unchanged') {
                stat.alone = 0;
                this.changes.push({ stat, stage: stat.stage, currentIndex, proposedIndex });
            }
        }
        this.thresholdsChanged =
            !currentGates.MQL.fitThreshold.eq(proposedGates.MQL.fitThreshold) ||
            !currentGates.MQL.interestThreshold.eq(proposedGates.MQL.interestThreshold);
    }

    private prepare(set: CriteriaSet): Record<GateStage, Gate> {
        return {
            MQL: prepareGate(set.rules, set.thresholds, 'MQL'),
            SAL: prepareGate(set.rules, set.thresholds, 'SAL'),
            SQL: prepareGate(set.rules, set.thresholds, 'SQL')
        };
    }

    /** The gates of one set, each rule given its place in the statistics (one per stage and rule name). */
    private sideGates(gates: Record<GateStage, Gate>, side: 'current' | 'proposed'): SideGates {
        const sideGate = (stage: GateStage): SideGate => {
            const gate = gates[stage];
            const slots = gate.rules.map(({ rule, base }) => {
                let index = this.rules.findIndex((stat) => stat.stage === stage && stat.name === rule.DeveloperName);
                if (index === -1) {
                    index =
                        this.rules.push({
                            name: rule.DeveloperName,
                            stage,
                            dimension: base.dimension,
                            description: base.description,
                            change: 'unchanged',
                            current: null,
                            proposed: null,
                            alone: null
                        }) - 1;
                }
                const stat = this.rules[index] as RuleStat;
                stat[side] = emptyCounts();
                return index;
            });
            return { gate, key: gateKey(gate), slots };
        };
        return { MQL: sideGate('MQL'), SAL: sideGate('SAL'), SQL: sideGate('SQL') };
    }

    /** Evaluates one lead under both sets and adds it to every total. */
    add(lead: LeadInput): LeadOutcome {
        const current = this.evaluate(this.current, lead.values);
        const proposed = this.evaluate(this.proposed, lead.values, current);
        this.leads++;
        for (const stage of STAGES) {
            this.count(this.current[stage], current[stage], 'current');
            this.count(this.proposed[stage], proposed[stage], 'proposed');
            this.passing[stage].current += current[stage].verdict === 'Pass' ? 1 : 0;
            this.passing[stage].proposed += proposed[stage].verdict === 'Pass' ? 1 : 0;
        }
        this.countAlone(current, proposed);
        const outcome: LeadOutcome = {
            current: this.side(current),
            proposed: this.side(proposed),
            drift: driftOf(lead.stored, current.MQL, current.SQL, this.context)
        };
        const from = CLASSES.indexOf(outcome.current.leadClass);
        const to = CLASSES.indexOf(outcome.proposed.leadClass);
        (this.matrix[from] as number[])[to] = ((this.matrix[from] as number[])[to] ?? 0) + 1;
        this.volume(this.bySource, lead.source, outcome);
        this.volume(this.byOwner, lead.owner, outcome);
        if (from !== to) {
            const key = `${from}>${to}`;
            const kept = this.samples.get(key) ?? [];
            if (kept.length < SAMPLES_PER_TRANSITION) {
                kept.push({ id: lead.id, name: lead.name });
                this.samples.set(key, kept);
            }
        }
        if (outcome.drift) {
            this.driftCounts.set(outcome.drift.cause, (this.driftCounts.get(outcome.drift.cause) ?? 0) + 1);
            if (outcome.drift.cause === 'unexplained' && this.unexplained.length < UNEXPLAINED_LISTED) {
                this.unexplained.push(unexplainedOf(lead, outcome));
            }
        }
        return outcome;
    }

    private evaluate(gates: SideGates, values: LeadValues, other?: Evaluations): Evaluations {
        const evaluation = (stage: GateStage): StageEvaluation =>
            other && this.current[stage].key === gates[stage].key
                ? other[stage]
                : evaluateGate(gates[stage].gate, values);
        return { MQL: evaluation('MQL'), SAL: evaluation('SAL'), SQL: evaluation('SQL') };
    }

    private side(evaluations: Evaluations): SideOutcome {
        return {
            leadClass: classOf(evaluations.MQL),
            fit: evaluations.MQL.fitScore,
            interest: evaluations.MQL.interestScore,
            sal: evaluations.SAL.verdict === 'Pass',
            sql: evaluations.SQL.verdict === 'Pass'
        };
    }

    /** Per-rule outcomes of one gate evaluation, and which rules decide its verdict alone. */
    private count(sideGate: SideGate, evaluation: StageEvaluation, side: 'current' | 'proposed'): void {
        const stage = evaluation.stage as GateStage;
        const failedRequired = failedRequiredOf(evaluation);
        const verdict = evaluation.verdict === 'Pass';
        evaluation.results.forEach((result, index) => {
            const counts = (this.rules[sideGate.slots[index] as number] as RuleStat)[side] as RuleCounts;
            if (result.outcome === 'Passed') {
                counts.passed++;
            } else if (result.outcome === 'Failed') {
                counts.failed++;
            } else {
                counts.skipped++;
                counts.skipReason ??= result.detail.replace(/^Skipped: /, '');
            }
            const part = contribution(result);
            if (part.failed === 0 && part.fit.isZero() && part.interest.isZero()) {
                return;
            }
            const without = verdictOf(
                stage,
                sideGate.gate,
                failedRequired - part.failed,
                evaluation.fitScore.minus(part.fit),
                evaluation.interestScore.minus(part.interest)
            );
            if (without !== verdict) {
                counts.decides++;
            }
        });
    }

    /** For each changed rule, and the thresholds: does the current verdict flip with that change alone? */
    private countAlone(current: Evaluations, proposed: Evaluations): void {
        for (const change of this.changes) {
            const before = current[change.stage];
            const after = proposed[change.stage];
            const removed = contribution(before.results[change.currentIndex]);
            const added = contribution(after.results[change.proposedIndex]);
            const verdict = verdictOf(
                change.stage,
                this.current[change.stage].gate,
                failedRequiredOf(before) - removed.failed + added.failed,
                before.fitScore.minus(removed.fit).plus(added.fit),
                before.interestScore.minus(removed.interest).plus(added.interest)
            );
            if (verdict !== (before.verdict === 'Pass')) {
                change.stat.alone = (change.stat.alone ?? 0) + 1;
            }
        }
        if (this.thresholdsChanged) {
            const before = current.MQL;
            const verdict = verdictOf(
                'MQL',
                this.proposed.MQL.gate,
                failedRequiredOf(before),
                before.fitScore,
                before.interestScore
            );
            this.thresholdsAlone += verdict !== (before.verdict === 'Pass') ? 1 : 0;
        }
    }

    private volume(volumes: Map<string, Volume>, name: string, outcome: LeadOutcome): void {
        let volume = volumes.get(name);
        if (!volume) {
            volume = { name, leads: 0, current: 0, proposed: 0 };
            volumes.set(name, volume);
        }
        volume.leads++;
        volume.current += outcome.current.leadClass === 'MQL' ? 1 : 0;
        volume.proposed += outcome.proposed.leadClass === 'MQL' ? 1 : 0;
    }

    report(): SimulationReport {
        const byVolume = (volumes: Map<string, Volume>): Volume[] =>
            [...volumes.values()].sort((a, b) => b.leads - a.leads || a.name.localeCompare(b.name));
        const thresholds = (set: CriteriaSet): { fit: string; interest: string } => ({
            fit: (set.thresholds.fit ?? ZERO).toFixed(),
            interest: (set.thresholds.interest ?? ZERO).toFixed()
        });
        return {
            leads: this.leads,
            classes: CLASSES,
            matrix: this.matrix.map((row) => [...row]),
            gates: STAGES.map((stage) => ({ stage, ...this.passing[stage] })),
            rules: this.rules.map((stat) => ({ ...stat })),
            thresholds: {
                current: thresholds(this.currentSet),
                proposed: thresholds(this.proposedSet),
                alone: this.thresholdsChanged ? this.thresholdsAlone : null
            },
            bySource: byVolume(this.bySource),
            byOwner: byVolume(this.byOwner),
            samples: [...this.samples.entries()]
                .map(([key, leads]) => {
                    const [from, to] = key.split('>').map(Number) as [number, number];
                    return { from: CLASSES[from] as LeadClass, to: CLASSES[to] as LeadClass, leads };
                })
                .sort(
                    (a, b) =>
                        CLASSES.indexOf(a.from) - CLASSES.indexOf(b.from) ||
                        CLASSES.indexOf(a.to) - CLASSES.indexOf(b.to)
                ),
            drift: (Object.keys(DRIFT_CAUSES) as DriftCause[]).map((cause) => ({
                cause,
                ...DRIFT_CAUSES[cause],
                leads: this.driftCounts.get(cause) ?? 0
            })),
            unexplained: [...this.unexplained]
        };
    }
}

function text(value: ExactDecimal | null): string | null {
    return value === null ? null : value.toFixed();
}

function unexplainedOf(lead: LeadInput, outcome: LeadOutcome): UnexplainedDrift {
    const drift = outcome.drift as DriftFinding;
    return {
        id: lead.id,
        name: lead.name,
        stage: lead.stored.stage,
        fit: text(lead.stored.fit),
        interest: text(lead.stored.interest),
        expectedStage: drift.expectedStage,
        expectedFit: drift.expectedScores ? outcome.current.fit.toFixed() : null,
        expectedInterest: drift.expectedScores ? outcome.current.interest.toFixed() : null
    };
}
