/**
 * Campaign attribution and return of an org's seeded opportunities, computed in TypeScript from the records: what
 * `npm run demo` prints from the org double, which runs no Apex (in an org, the nightly Apex job writes the same credits
 * into Revenue_Rollup__c and the revenue panel reads them). The credits come from scripts/lib/attribution/engine.ts,
 * held to the same hand-computed vectors as the Apex class CampaignAttribution; the reading of the records follows
 * RevenueAttributionDays: touches are the responded campaign members of the converted lead and of its contact, dated
 * by Responded Date (history), else First Responded Date, else the day the member was created.
 *
 * Days here are UTC days (the Apex job uses its user's time zone).
 */
import type { OrgConnection } from '../connection.ts';
import { formatTable } from '../output.ts';
import { queryAll } from '../query.ts';
import { Amount, credit, MODELS, type Deal, type Model, type Touch } from './engine.ts';

type ConvertedLead = {
    Id: string;
    LeadSource: string | null;
    MQL_Date__c: string | null;
    ConvertedContactId: string | null;
    ConvertedOpportunityId: string;
    ConvertedOpportunity: {
        Amount: number | null;
        IsWon: boolean;
        IsClosed: boolean;
        CloseDate: string;
        CreatedDate: string;
    } | null;
};

type Response = {
    Id: string;
    CampaignId: string;
    LeadId: string | null;
    ContactId: string | null;
    Responded_Date__c: string | null;
    FirstRespondedDate: string | null;
    CreatedDate: string;
};

type CampaignRecord = {
    Id: string;
    Name: string;
    ActualCost: number | null;
};

type Status = 'won' | 'lost' | 'open';

interface Sums {
    won: Amount;
    open: Amount;
    wonDeals: number;
    lostDeals: number;
    openDeals: number;
}

export interface CampaignReturn {
    name: string;
    cost: number | null;
    mqls: number;
    wonByModel: Record<Model, Amount>;
    /** Under position-based attribution. */
    sums: Sums;
}

export interface Attribution {
    campaigns: CampaignReturn[];
    /** The share of won revenue no campaign is credited with, per model. */
    uncredited: Record<Model, Amount>;
    totalWon: Amount;
    bySource: Map<string, Sums>;
    deals: number;
}

const RETURN_MODEL: Model = 'Position_Based';
const MODEL_LABELS: Record<Model, string> = {
    First_Touch: 'First touch',
    Last_Touch_Before_MQL: 'Last before MQL',
    Last_Touch_Before_Opportunity: 'Last before opp.',
    Even: 'Even',
    Position_Based: 'Position-based'
};

function emptySums(): Sums {
    return { won: new Amount(0), open: new Amount(0), wonDeals: 0, lostDeals: 0, openDeals: 0 };
}

function byModel(): Record<Model, Amount> {
    return Object.fromEntries(MODELS.map((model) => [model, new Amount(0)])) as Record<Model, Amount>;
}

function add(sums: Sums, status: Status, amount: Amount): void {
    if (status === 'won') {
        sums.won = sums.won.plus(amount);
        sums.wonDeals++;
    } else if (status === 'lost') {
        sums.lostDeals++;
    } else {
        sums.open = sums.open.plus(amount);
        sums.openDeals++;
    }
}

function day(value: string | null): string | null {
    return value ? value.slice(0, 10) : null;
}

/** Credits every seeded converted opportunity under every model, from the records (four queries). */
export async function readAttribution(org: OrgConnection): Promise<Attribution> {
    const leads = await queryAll<ConvertedLead>(
        org,
        'SELECT Id, LeadSource, MQL_Date__c, ConvertedContactId, ConvertedOpportunityId, ConvertedOpportunity.Amount, ConvertedOpportunity.IsWon, ConvertedOpportunity.IsClosed, ConvertedOpportunity.CloseDate, ConvertedOpportunity.CreatedDate FROM Lead WHERE IsConverted = true AND ConvertedOpportunityId != null AND Baton_Seed_Key__c != null'
    );
    const responses = await queryAll<Response>(
        org,
        'SELECT Id, CampaignId, LeadId, ContactId, Responded_Date__c, FirstRespondedDate, CreatedDate FROM CampaignMember WHERE HasResponded = true AND Baton_Seed_Key__c != null'
    );
    const campaigns = await queryAll<CampaignRecord>(
        org,
        'SELECT Id, Name, ActualCost FROM Campaign WHERE Baton_Seed_Key__c != null ORDER BY Name'
    );
    const mqlLeads = await queryAll<{ Id: string }>(
        org,
        'SELECT Id FROM Lead WHERE MQL_Date__c != null AND Baton_Seed_Key__c != null'
    );
    return attribute(leads, responses, campaigns, new Set(mqlLeads.map((lead) => lead.Id)));
}

function attribute(
    leads: ConvertedLead[],
    responses: Response[],
    campaignRecords: CampaignRecord[],
    mqlLeadIds: Set<string>
): Attribution {
    const touchesOf = new Map<string, Touch[]>();
    for (const response of responses) {
        const touch: Touch = {
            campaign: response.CampaignId,
            day: day(response.Responded_Date__c ?? response.FirstRespondedDate ?? response.CreatedDate) ?? '',
            tieBreak: `${response.CreatedDate}|${response.Id}`
        };
        for (const person of [response.LeadId, response.ContactId]) {
            if (person) touchesOf.set(person, [...(touchesOf.get(person) ?? []), touch]);
        }
    }
    const campaigns = new Map(
        campaignRecords.map((record) => [
            record.Id,
            {
                name: record.Name,
                cost: record.ActualCost,
                mqls: responses.filter(
                    (item) => item.CampaignId === record.Id && item.LeadId && mqlLeadIds.has(item.LeadId)
                ).length,
                wonByModel: byModel(),
                sums: emptySums()
            }
        ])
    );
    const uncredited = byModel();
    const bySource = new Map<string, Sums>();
    let totalWon = new Amount(0);
    for (const lead of leads) {
        const opportunity = lead.ConvertedOpportunity;
        if (!opportunity) continue;
        const status: Status = opportunity.IsWon ? 'won' : opportunity.IsClosed ? 'lost' : 'open';
        // A member of the lead carries the contact too after conversion: each response once.
        const touches = [lead.Id, lead.ConvertedContactId]
            .flatMap((person) => (person ? (touchesOf.get(person) ?? []) : []))
            .filter((touch, index, all) => all.findIndex((other) => other.tieBreak === touch.tieBreak) === index);
        const deal: Deal = {
            amount: opportunity.Amount === null ? null : String(opportunity.Amount),
            mqlDay: day(lead.MQL_Date__c),
            createdDay: day(opportunity.CreatedDate) ?? '',
            closeDay: opportunity.IsClosed ? opportunity.CloseDate : null,
            touches
        };
        const amount = new Amount(deal.amount ?? 0);
        const source = lead.LeadSource ?? 'No Lead Source';
        const sourceSums = bySource.get(source) ?? emptySums();
        add(sourceSums, status, amount);
        bySource.set(source, sourceSums);
        if (status === 'won') totalWon = totalWon.plus(amount);
        const credits = credit(deal);
        for (const model of MODELS) {
            for (const [campaignId, share] of credits[model]) {
                const row = campaignId ? campaigns.get(campaignId) : undefined;
                if (status === 'won') {
                    if (row) row.wonByModel[model] = row.wonByModel[model].plus(share);
                    else uncredited[model] = uncredited[model].plus(share);
                }
                if (model === RETURN_MODEL && row) add(row.sums, status, share);
            }
        }
    }
    return { campaigns: [...campaigns.values()], uncredited, totalWon, bySource, deals: leads.length };
}

function money(amount: Amount | number | null): string {
    if (amount === null) return '—';
    return `$${Math.round(Number(amount)).toLocaleString('en-US')}`;
}

/** A ratio to print (rounded to a whole amount): plain numbers, not the exact decimals credits need. */
function ratio(numerator: Amount | number | null, denominator: number): string {
    return numerator === null || denominator === 0 ? '—' : money(Number(numerator) / denominator);
}

function percent(part: number, whole: number): string {
    return whole === 0 ? '—' : `${((part * 100) / whole).toFixed(1)}%`;
}

/** Won revenue per campaign under each model; each model's column adds up to the same total. */
export function formatAttribution(attribution: Attribution): string {
    const rows = attribution.campaigns.map((campaign) => [
        campaign.name,
        ...MODELS.map((model) => money(campaign.wonByModel[model]))
    ]);
    rows.push(['No campaign', ...MODELS.map((model) => money(attribution.uncredited[model]))]);
    rows.push([
        'Total',
        ...MODELS.map((model) =>
            money(
                attribution.campaigns.reduce(
                    (sum, campaign) => sum.plus(campaign.wonByModel[model]),
                    attribution.uncredited[model]
                )
            )
        )
    ]);
    return formatTable(['campaign', ...MODELS.map((model) => MODEL_LABELS[model])], rows);
}

/** Return per campaign under position-based attribution, then revenue per Lead Source. */
export function formatReturns(attribution: Attribution): string {
    const campaigns = formatTable(
        ['campaign', 'cost', 'MQLs', 'won', 'pipeline', 'cost/MQL', 'cost/won deal', 'return'],
        attribution.campaigns.map((campaign) => [
            campaign.name,
            money(campaign.cost),
            String(campaign.mqls),
            money(campaign.sums.won),
            money(campaign.sums.open),
            campaign.cost === null ? '—' : ratio(campaign.cost, campaign.mqls),
            campaign.cost === null ? '—' : ratio(campaign.cost, campaign.sums.wonDeals),
            campaign.cost === null || campaign.cost === 0
                ? '—'
                : `${((Number(campaign.sums.won.minus(campaign.cost)) * 100) / campaign.cost).toFixed(1)}%`
        ])
    );
    const sources = formatTable(
        ['Lead Source', 'won', 'pipeline', 'won deals', 'lost deals', 'avg deal', 'win rate'],
        [...attribution.bySource.entries()]
            .sort(([, a], [, b]) => b.won.comparedTo(a.won))
            .map(([source, sums]) => [
                source,
                money(sums.won),
                money(sums.open),
                String(sums.wonDeals),
                String(sums.lostDeals),
                ratio(sums.won, sums.wonDeals),
                percent(sums.wonDeals, sums.wonDeals + sums.lostDeals)
            ])
    );
    return `${campaigns}\n\n${sources}`;
}
