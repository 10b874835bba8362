/**
 * Builds the seed data: campaigns with their costs, leads in all four fit × sales-ready quadrants, campaign
 * memberships and, with history, backdated stages, SLA clocks and conversions over 90 days, the
 * MQLs routed to the reps of a round-robin queue with their first touches (routing.ts), and the
 * campaign responses across the deal cycle and the team's targets (revenue.ts).
 * Deterministic: lead n is always the same lead, so reseeding updates records in place.
 *
 * Every lead is a different person: no two share first name, last name and company, an email or a
 * phone number, so no lead duplicates another — or the contact another lead's conversion creates —
 * under the standard duplicate matching rules, which duplicate rules apply to every conversion when
 * "Require Validation for Converted Leads" is on (see scripts/org-double/duplicates.ts).
 */
import { addBusinessHours, businessHoursBetween } from './businessHours.ts';
import { seededRandom } from '../lib/random.ts';
import { between, pick } from './draw.ts';
import { SEED_KEY, type SeedRecord, type SeedReference } from './records.ts';
import { routeAndTouch, routingMembers, type Rep } from './routing.ts';
import {
    campaignCost,
    campaignKey,
    contactResponses,
    datePreMqlResponses,
    targetRecords,
    type ContactResponse,
    type MonthlyVolumes
} from './revenue.ts';

import {
    CAMPAIGNS,
    COMPANY_PREFIXES,
    COMPANY_SUFFIXES,
    DISQUALIFY_REASONS,
    FIRST_NAMES,
    INDUSTRIES,
    JUNIOR_TITLES,
    LAST_NAMES,
    OTHER_MARKETS,
    QUADRANT_SHARES,
    RECYCLE_REASONS,
    SENIOR_TITLES,
    TARGET_MARKETS,
    TIMELINES,
    type Quadrant
} from './profiles.ts';

export { SEED_KEY, type FieldValue, type SeedRecord, type SeedReference } from './records.ts';

function ref(type: string, key: string): SeedReference {
    return { attributes: { type }, Baton_Seed_Key__c: key };
}
const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Days of history the seed spreads leads over. */
const HISTORY_DAYS = 90;

export type HistoryStage = 'Inquiry' | 'MQL' | 'SAL' | 'SQL' | 'Recycled' | 'Disqualified' | 'Converted';

export interface SlaPolicy {
    name: string;
    targetHours: number;
    warningPercent: number;
}

export interface PlanOptions {
    count: number;
    history: boolean;
    now: Date;
    /** The running user: owner of SLA clocks and the rep who accepted (history only). */
    userId?: string;
    /** History only: the reps MQLs are routed to, and their round-robin queue (API name). */
    reps?: Rep[];
    routingQueue?: string;
    policies: Record<'MQL' | 'SAL' | 'SQL', SlaPolicy>;
    criteriaVersion: string;
}

export interface Conversion {
    leadKey: string;
    convertedAt: string;
    opportunity: { StageName: string; Amount: number; CloseDate: string };
    /** Campaign responses of the contact after the conversion (written once the contact exists). */
    contactResponses: ContactResponse[];
}

export interface SeedPlan {
    campaigns: SeedRecord[];
    leads: SeedRecord[];
    members: SeedRecord[];
    slas: SeedRecord[];
    routingMembers: SeedRecord[];
    conversions: Conversion[];
    /** Team_Target__c versions (history only). */
    targets: SeedRecord[];
    quadrants: Record<Quadrant, number>;
    stages: Partial<Record<HistoryStage, number>>;
}

function iso(date: Date): string {
    return date.toISOString();
}

/** How many leads can have a name and company of their own: first names × last names × companies. */
export const IDENTITIES = FIRST_NAMES.length * LAST_NAMES.length * COMPANY_PREFIXES.length * COMPANY_SUFFIXES.length;
/** Coprime with IDENTITIES, so stepping by it visits every identity once, neighbours looking unalike. */
const IDENTITY_STRIDE = 7919;

interface Identity {
    firstName: string;
    lastName: string;
    company: string;
}

/** Lead n's name and company: a different combination for every n up to IDENTITIES. */
export function identityOf(index: number): Identity {
    let rest = ((index - 1) * IDENTITY_STRIDE) % IDENTITIES;
    const take = <T>(items: readonly T[]): T => {
        const item = items[rest % items.length];
        rest = Math.floor(rest / items.length);
        if (item === undefined) throw new Error('identity out of range');
        return item;
    };
    const firstName = take(FIRST_NAMES);
    const lastName = take(LAST_NAMES);
    const company = `${take(COMPANY_PREFIXES)} ${take(COMPANY_SUFFIXES)}`;
    return { firstName, lastName, company };
}

/** Lead n's phone number, unique to the lead (555 and 7946 are ranges reserved for fiction). */
function phoneOf(index: number, goodFit: boolean): string {
    const digits = String(index).padStart(8, '0');
    return goodFit
        ? `+1 555 ${digits.slice(1, 4)} ${digits.slice(4)}`
        : `+44 20 7946 ${digits.slice(2, 5)} ${digits.slice(5)}`;
}

export function leadKey(index: number): string {
    return `baton-seed:lead:${String(index).padStart(6, '0')}`;
}

function quadrantOf(next: () => number): Quadrant {
    let roll = next();
    for (const [quadrant, share] of QUADRANT_SHARES) {
        if (roll < share) return quadrant;
        roll -= share;
    }
    return 'poor-fit-not-ready';
}

interface Scores {
    fit: number;
    interest: number;
}

function profile(next: () => number, quadrant: Quadrant, index: number): { fields: SeedRecord; scores: Scores } {
    const goodFit = quadrant.startsWith('good-fit');
    const ready = quadrant.endsWith('-ready') && !quadrant.endsWith('not-ready');
    const { firstName, lastName, company } = identityOf(index);
    const domain = `${company.toLowerCase().replace(/[^a-z]/g, '')}.example.com`;
    let fit = 0;
    let title: string;
    let employees: number;
    let market: (typeof TARGET_MARKETS)[number];
    let phone: string | null;
    if (goodFit) {
        const [seniorTitle, points] = pick(next, SENIOR_TITLES);
        title = seniorTitle;
        employees = Math.round(between(next, 50, 5000));
        market = pick(next, TARGET_MARKETS);
        phone = phoneOf(index, true);
        fit = 25 + 25 + points + 10;
    } else {
        title = pick(next, JUNIOR_TITLES);
        employees = Math.round(between(next, 2, 45));
        const inTarget = next() < 0.4;
        market = inTarget ? pick(next, TARGET_MARKETS) : pick(next, OTHER_MARKETS);
        phone = next() < 0.5 ? phoneOf(index, false) : null;
        fit = (inTarget ? 25 : 0) + (phone ? 10 : 0);
    }
    let demo = false;
    let engagement: number;
    let pricingVisits: number;
    let interest: number;
    if (ready) {
        demo = next() < 0.6;
        engagement = demo ? Math.round(between(next, 10, 95)) : Math.round(between(next, 50, 95));
        pricingVisits = demo ? Math.floor(between(next, 0, 5)) : Math.floor(between(next, 2, 6));
        interest = (demo ? 40 : 0) + (engagement >= 50 ? 30 : 0) + (pricingVisits >= 2 ? 20 : 0);
    } else {
        const variant = Math.floor(next() * 3);
        engagement = variant === 0 ? Math.round(between(next, 50, 90)) : Math.round(between(next, 0, 45));
        pricingVisits = variant === 1 ? Math.floor(between(next, 2, 4)) : Math.floor(between(next, 0, 2));
        interest = (engagement >= 50 ? 30 : 0) + (pricingVisits >= 2 ? 20 : 0);
    }
    const student = title === 'Graduate Student';
    const local = `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '');
    const fields: SeedRecord = {
        FirstName: firstName,
        LastName: lastName,
        Company: company,
        Title: title,
        // The name and company are unique to the lead, so the address at the company's domain is
        // too; a student's university address gets the lead's number.
        Email: student ? `${local}.${index}@university.edu` : `${local}@${domain}`,
        Phone: phone,
        City: pick(next, market.cities),
        Country: market.country,
        NumberOfEmployees: employees,
        AnnualRevenue: employees * Math.round(between(next, 80, 250)) * 1000,
        Industry: pick(next, INDUSTRIES),
        Website: `https://www.${domain}`,
        Demo_Requested__c: demo,
        Engagement_Score__c: engagement,
        Pricing_Page_Visits__c: pricingVisits
    };
    return { fields, scores: { fit, interest } };
}

type Clock = {
    stage: 'MQL' | 'SAL' | 'SQL';
    started: Date;
    completed: Date | null;
    outcome: string | null;
    reason?: string;
};

function slaRecord(key: string, clock: Clock, options: PlanOptions): SeedRecord {
    const policy = options.policies[clock.stage];
    const due = addBusinessHours(clock.started, policy.targetHours);
    const warning = addBusinessHours(clock.started, (policy.targetHours * policy.warningPercent) / 100);
    const end = clock.completed ?? options.now;
    const status = clock.completed
        ? clock.completed <= due
            ? 'Met'
            : 'Breached'
        : due < options.now
          ? 'Breached'
          : 'Open';
    return {
        [SEED_KEY]: `${key}:${clock.stage.toLowerCase()}`,
        Lead__r: ref('Lead', key),
        Stage__c: clock.stage,
        Policy__c: policy.name,
        Status__c: status,
        Started_At__c: iso(clock.started),
        Warning_At__c: iso(warning),
        Due_At__c: iso(due),
        Completed_At__c: clock.completed ? iso(clock.completed) : null,
        Business_Hours_Elapsed__c: clock.completed ? businessHoursBetween(clock.started, end) : null,
        Outcome__c: clock.outcome,
        Assignee__c: options.userId ?? null,
        Rejection_Reason__c: clock.reason ?? null,
        Criteria_Version__c: options.criteriaVersion
    };
}

/** Business hours a rep takes on a clock: mostly within the target, one in five late. */
function responseHours(next: () => number, target: number): number {
    return next() < 0.8 ? between(next, target * 0.05, target * 0.95) : between(next, target * 1.05, target * 2.5);
}

function history(
    next: () => number,
    key: string,
    lead: SeedRecord,
    scores: Scores,
    options: PlanOptions
): { stage: HistoryStage; clocks: Clock[]; conversion?: Conversion } {
    lead.Fit_Score__c = scores.fit;
    lead.Interest_Score__c = scores.interest;
    const roll = next();
    const goal: HistoryStage =
        roll < 0.15
            ? 'MQL'
            : roll < 0.3
              ? 'Recycled'
              : roll < 0.37
                ? 'Disqualified'
                : roll < 0.52
                  ? 'SAL'
                  : roll < 0.67
                    ? 'SQL'
                    : 'Converted';
    // Leads still waiting at a stage arrived recently; the rest are spread over 90 days.
    const windows: Partial<Record<HistoryStage, number>> = { MQL: 4, SAL: 12, SQL: 30 };
    const window = windows[goal] ?? HISTORY_DAYS;
    const created = new Date(options.now.getTime() - between(next, 0, window) * DAY);
    if (scores.fit < 50 || scores.interest < 40) {
        lead.Lifecycle_Stage__c = 'Inquiry';
        return { stage: 'Inquiry', clocks: [] };
    }
    const clocks: Clock[] = [];
    const mqlAt = new Date(created.getTime() + between(next, 0.1, 6) * HOUR);
    lead.MQL_Date__c = iso(mqlAt);
    const step = (stage: 'MQL' | 'SAL' | 'SQL', started: Date): Date | null => {
        const done = addBusinessHours(started, responseHours(next, options.policies[stage].targetHours));
        return done < options.now ? done : null;
    };
    const finish = (stage: HistoryStage): { stage: HistoryStage; clocks: Clock[]; conversion?: Conversion } => {
        lead.Lifecycle_Stage__c = stage;
        return { stage, clocks };
    };
    const accepted = goal === 'MQL' ? null : step('MQL', mqlAt);
    if (!accepted) {
        clocks.push({ stage: 'MQL', started: mqlAt, completed: null, outcome: null });
        return finish('MQL');
    }
    if (goal === 'Recycled' || goal === 'Disqualified') {
        const reason = pick(next, goal === 'Recycled' ? RECYCLE_REASONS : DISQUALIFY_REASONS);
        clocks.push({ stage: 'MQL', started: mqlAt, completed: accepted, outcome: 'Rejected', reason });
        lead.Rejection_Reason__c = reason;
        lead.Rejection_Notes__c =
            goal === 'Recycled' ? 'Not ready to talk this quarter; back to nurture.' : 'Not a prospect for us.';
        if (goal === 'Recycled') {
            lead.Recycled_Date__c = iso(accepted);
            lead.Recycle_Count__c = 1;
        }
        return finish(goal);
    }
    clocks.push({ stage: 'MQL', started: mqlAt, completed: accepted, outcome: 'Accepted' });
    lead.SAL_Date__c = iso(accepted);
    lead.Accepted_By__c = options.userId ?? null;
    const qualified = goal === 'SAL' ? null : step('SAL', accepted);
    if (!qualified) {
        clocks.push({ stage: 'SAL', started: accepted, completed: null, outcome: null });
        return finish('SAL');
    }
    clocks.push({ stage: 'SAL', started: accepted, completed: qualified, outcome: 'Qualified' });
    lead.SQL_Date__c = iso(qualified);
    lead.Budget_Confirmed__c = true;
    lead.Authority_Confirmed__c = true;
    lead.Need_Confirmed__c = true;
    lead.Timeline__c = pick(next, TIMELINES);
    const converted = goal === 'SQL' ? null : step('SQL', qualified);
    if (!converted) {
        clocks.push({ stage: 'SQL', started: qualified, completed: null, outcome: null });
        return finish('SQL');
    }
    clocks.push({ stage: 'SQL', started: qualified, completed: converted, outcome: 'Converted' });
    const outcome = next();
    const closeAt = new Date(Math.min(converted.getTime() + between(next, 10, 40) * DAY, options.now.getTime()));
    const open = outcome >= 0.65;
    const conversion: Conversion = {
        leadKey: key,
        convertedAt: iso(converted),
        opportunity: {
            StageName: outcome < 0.4 ? 'Closed Won' : outcome < 0.65 ? 'Closed Lost' : 'Qualification',
            Amount: Math.round(Number(lead.NumberOfEmployees) * between(next, 2, 5)) * 10,
            CloseDate: (open ? new Date(options.now.getTime() + 30 * DAY) : closeAt).toISOString().slice(0, 10)
        },
        contactResponses: []
    };
    return { ...finish('Converted'), conversion };
}

export function buildPlan(options: PlanOptions): SeedPlan {
    const campaigns: SeedRecord[] = CAMPAIGNS.map((campaign) => ({
        [SEED_KEY]: campaignKey(campaign.slug),
        Name: campaign.name,
        Type: campaign.type,
        Status: campaign.daysAgo > 80 ? 'Completed' : 'In Progress',
        IsActive: campaign.daysAgo <= 80,
        StartDate: new Date(options.now.getTime() - campaign.daysAgo * DAY).toISOString().slice(0, 10)
    }));
    const plan: SeedPlan = {
        campaigns,
        leads: [],
        members: [],
        slas: [],
        routingMembers: [],
        conversions: [],
        targets: [],
        quadrants: { 'good-fit-ready': 0, 'good-fit-not-ready': 0, 'poor-fit-ready': 0, 'poor-fit-not-ready': 0 },
        stages: {}
    };
    if (options.count > IDENTITIES) {
        throw new Error(`The seed has ${IDENTITIES} different people; ${options.count} leads would repeat some`);
    }
    const routed: { rep: Rep; routedAt: Date }[] = [];
    const leadsBroughtIn = new Map<string, number>();
    const historyStart = new Date(options.now.getTime() - HISTORY_DAYS * DAY);
    for (let index = 1; index <= options.count; index++) {
        const next = seededRandom(index * 7919);
        const key = leadKey(index);
        const quadrant = quadrantOf(next);
        plan.quadrants[quadrant]++;
        const { fields, scores } = profile(next, quadrant, index);
        const campaign = pick(next, CAMPAIGNS);
        const lead: SeedRecord = { [SEED_KEY]: key, ...fields, LeadSource: campaign.source };
        leadsBroughtIn.set(campaign.slug, (leadsBroughtIn.get(campaign.slug) ?? 0) + 1);
        const firstMember: SeedRecord = {
            [SEED_KEY]: `${key}:1`,
            Campaign: ref('Campaign', campaignKey(campaign.slug)),
            Lead: ref('Lead', key),
            Status: 'Responded'
        };
        plan.members.push(firstMember);
        const memberOf = [campaign.slug];
        let secondMember: SeedRecord | undefined;
        if (next() < 0.3) {
            const second = pick(
                next,
                CAMPAIGNS.filter((item) => item !== campaign)
            );
            memberOf.push(second.slug);
            secondMember = {
                [SEED_KEY]: `${key}:2`,
                Campaign: ref('Campaign', campaignKey(second.slug)),
                Lead: ref('Lead', key),
                Status: 'Sent'
            };
            plan.members.push(secondMember);
        }
        if (options.history) {
            const result = history(next, key, lead, scores, options);
            plan.stages[result.stage] = (plan.stages[result.stage] ?? 0) + 1;
            const clocks = result.clocks.map((clock) => slaRecord(key, clock, options));
            const route = routeAndTouch(index, lead, clocks, options.reps ?? [], options.now);
            if (route) {
                routed.push(route);
            }
            plan.slas.push(...clocks);
            if (typeof lead.MQL_Date__c === 'string') {
                datePreMqlResponses(index, new Date(lead.MQL_Date__c), historyStart, firstMember, secondMember);
            }
            if (result.conversion) {
                const { opportunity } = result.conversion;
                const open = opportunity.StageName !== 'Closed Won' && opportunity.StageName !== 'Closed Lost';
                const lastDay = open ? options.now : new Date(`${opportunity.CloseDate}T23:59:59Z`);
                result.conversion.contactResponses = contactResponses(
                    index,
                    key,
                    memberOf,
                    new Date(result.conversion.convertedAt),
                    lastDay < options.now ? lastDay : options.now
                );
                plan.conversions.push(result.conversion);
            }
        }
        plan.leads.push(lead);
    }
    for (const [position, campaign] of CAMPAIGNS.entries()) {
        const record = campaigns[position];
        if (record) {
            record.ActualCost = campaignCost(campaign.slug, leadsBroughtIn.get(campaign.slug) ?? 0);
        }
    }
    if (options.history) {
        plan.targets = targetRecords(monthlyVolumes(plan), options.now);
    }
    if (options.reps && options.reps.length > 0 && options.routingQueue) {
        plan.routingMembers = routingMembers(options.routingQueue, options.reps, routed);
    }
    return plan;
}

/** The seeded history's volumes per month (90 days are three months), the base of the seeded targets. */
function monthlyVolumes(plan: SeedPlan): MonthlyVolumes {
    const months = HISTORY_DAYS / 30;
    const won = plan.conversions.filter((conversion) => conversion.opportunity.StageName === 'Closed Won');
    return {
        leads: plan.leads.length / months,
        mqls: plan.leads.filter((lead) => typeof lead.MQL_Date__c === 'string').length / months,
        opportunities: plan.conversions.length / months,
        revenue: won.reduce((sum, conversion) => sum + conversion.opportunity.Amount, 0) / months
    };
}
