/**
 * The revenue part of the seed: what the campaigns cost, when each person responded to them across the deal cycle,
 * and the team's monthly targets. Each lead's draws come from a sequence of their own, so the funnel, routing and
 * first-touch history the other parts of the seed write stay what they were.
 *
 * Responses (history only): Salesforce sets a member's First Responded Date itself, to the day its status first
 * becomes a responded one, and lets no one write it, so the seed writes the day a response happened in Baton's
 * `Responded_Date__c` (Responded Date (history)), which attribution reads first:
 * - the lead's own campaign: a response 0 to 20 days before the lead became MQL (it came in, then was nurtured);
 * - the second campaign of three leads in ten: half of them responded between that first response and the MQL (the
 *   last touch before the MQL), the others were only sent it;
 * - after conversion, six contacts in ten responded to one or two more campaigns between the conversion and the
 *   close date (today for an open opportunity): the touches of the deal cycle.
 *
 * Costs: each campaign's Actual Cost is what it cost per lead it brought in, times the leads it brought in (the
 * partner programme has none filled in: ROI shows only where Actual Cost is). Targets: team Everyone, last three
 * months, this month and the next, about ten per cent above the seeded volumes; this month's MQL target has two
 * versions (raised after the month began), so its history shows.
 */
import { seededRandom } from '../lib/random.ts';
import { between, pick } from './draw.ts';
import { CAMPAIGNS } from './profiles.ts';
import { SEED_KEY, type SeedRecord } from './records.ts';

const DAY = 86_400_000;

/** A contact's response after conversion, written once the conversion has created the contact. */
export interface ContactResponse {
    key: string;
    campaignSlug: string;
    /** `YYYY-MM-DD`. */
    day: string;
}

function isoDay(date: Date): string {
    return date.toISOString().slice(0, 10);
}

export function campaignKey(slug: string): string {
    return `baton-seed:campaign:${slug}`;
}

/**
 * Dates the responses of lead `index` that became MQL at `mqlAt`: its first membership, and its second when that one
 * responded too. `start` is the first day the seed's history covers.
 */
export function datePreMqlResponses(
    index: number,
    mqlAt: Date,
    start: Date,
    first: SeedRecord,
    second: SeedRecord | undefined
): void {
    const next = seededRandom(index * 15_485_863);
    const firstAt = new Date(Math.max(start.getTime(), mqlAt.getTime() - between(next, 0, 20) * DAY));
    first.Responded_Date__c = isoDay(firstAt);
    if (second && next() < 0.5) {
        second.Status = 'Responded';
        second.Responded_Date__c = isoDay(new Date(between(next, firstAt.getTime(), mqlAt.getTime())));
    }
}

/** The campaigns the contact of converted lead `index` responded to after the conversion, none it is already in. */
export function contactResponses(
    index: number,
    leadKey: string,
    memberOf: readonly string[],
    convertedAt: Date,
    lastDay: Date
): ContactResponse[] {
    const next = seededRandom(index * 32_452_843);
    if (next() >= 0.6 || lastDay <= convertedAt) {
        return [];
    }
    const others = CAMPAIGNS.filter((campaign) => !memberOf.includes(campaign.slug));
    const responses: ContactResponse[] = [];
    const count = next() < 0.5 ? 1 : 2;
    for (let number = 1; number <= count && others.length > 0; number++) {
        const campaign = pick(next, others);
        others.splice(others.indexOf(campaign), 1);
        responses.push({
            key: `${leadKey}:contact:${number}`,
            campaignSlug: campaign.slug,
            day: isoDay(new Date(between(next, convertedAt.getTime(), lastDay.getTime())))
        });
    }
    return responses;
}

/** The CampaignMember records of contact responses, once the contacts exist. */
export function contactMembers(responses: readonly ContactResponse[], contactId: string): SeedRecord[] {
    return responses.map((response) => ({
        [SEED_KEY]: response.key,
        Campaign: { attributes: { type: 'Campaign' }, Baton_Seed_Key__c: campaignKey(response.campaignSlug) },
        ContactId: contactId,
        Status: 'Responded',
        Responded_Date__c: response.day
    }));
}

/** What each campaign cost per lead it brought in; null: no Actual Cost filled in. */
const COST_PER_LEAD: Readonly<Record<string, number | null>> = {
    'pipeline-summit': 900,
    'handoff-webinar': 150,
    'revops-report': 240,
    'pricing-retargeting': 600,
    'partner-referrals': null,
    'website-demo': 80
};

/** Actual Cost of each campaign from the leads it brought in (a whole amount: the field has no decimals). */
export function campaignCost(slug: string, leadsBroughtIn: number): number | null {
    const perLead = COST_PER_LEAD[slug];
    return perLead === null || perLead === undefined ? null : perLead * leadsBroughtIn;
}

/** Seeded monthly volumes, the base of the targets. */
export interface MonthlyVolumes {
    leads: number;
    mqls: number;
    opportunities: number;
    revenue: number;
}

/** A target about ten per cent above a volume, rounded to a number people would pick. */
function stretch(volume: number, step: number): number {
    return Math.max(step, Math.round((volume * 1.1) / step) * step);
}

const METRIC_KEYS: Readonly<Record<string, string>> = {
    Leads: 'LEADS',
    MQLs: 'MQL',
    MQLs_Touched_Within_SLA: 'SLA',
    Opportunities: 'OPP',
    Revenue: 'REV'
};

/**
 * Team Everyone's targets from three months back to next month. A target version is never edited, so its seed key
 * names its month, metric, version and value: a reseed with other volumes adds versions rather than editing one.
 */
export function targetRecords(volumes: MonthlyVolumes, now: Date): SeedRecord[] {
    const records: SeedRecord[] = [];
    const values: Record<string, number> = {
        Leads: stretch(volumes.leads, 10),
        MQLs: stretch(volumes.mqls, 5),
        MQLs_Touched_Within_SLA: 90,
        Opportunities: stretch(volumes.opportunities, 5),
        Revenue: stretch(volumes.revenue, 10_000)
    };
    const thisMonth = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    for (let offset = -3; offset <= 1; offset++) {
        const month = new Date(thisMonth);
        month.setUTCMonth(month.getUTCMonth() + offset);
        const day = isoDay(month);
        for (const [metric, value] of Object.entries(values)) {
            const raised = offset === 0 && metric === 'MQLs';
            const versions: [number, string][] = raised
                ? [
                      [stretch(volumes.mqls * 0.9, 5), 'Quarter plan'],
                      [value, 'Raised: two more SDRs from this month']
                  ]
                : [[value, 'Quarter plan']];
            versions.forEach(([target, note], position) => {
                records.push({
                    [SEED_KEY]: `baton-seed:tt:${day.slice(0, 7)}:${METRIC_KEYS[metric] ?? metric}:${position + 1}:${target}`,
                    Month__c: day,
                    Metric__c: metric,
                    Target__c: target,
                    Note__c: note
                });
            });
        }
    }
    return records;
}
