/**
 * What the revenue panel shows, computed from a RevenueResult: the headline figures, where the credits come from,
 * and the rows of the campaign, channel, model and Lead Source tables, formatted. Pure functions: the component only
 * wires and renders them.
 */
import type { CampaignRow, RevenueResult, SourceRow } from '@salesforce/apex/RevenueController.getRevenue';
import { formatCount, formatDay, formatInstant, formatMoney, formatPercent, plural } from 'c/batonFormat';

export interface Headline {
    key: string;
    label: string;
    value: string;
    detail: string;
}

export function headlines(result: RevenueResult): Headline[] {
    const { totals } = result;
    return [
        {
            key: 'won',
            label: 'Won revenue',
            value: formatMoney(totals.wonAmount),
            detail: plural(totals.wonDeals, 'won deal', 'won deals')
        },
        {
            key: 'pipeline',
            label: 'Pipeline',
            value: formatMoney(totals.openAmount),
            detail: plural(totals.openDeals, 'open deal', 'open deals')
        },
        {
            key: 'average',
            label: 'Average deal size',
            value: formatMoney(totals.averageDealSize, true),
            detail: 'won revenue ÷ won deals'
        },
        {
            key: 'winRate',
            label: 'Win rate',
            value: formatPercent(totals.winRatePercent),
            detail: `${formatCount(totals.wonDeals)} won of ${formatCount(totals.wonDeals + totals.lostDeals)} closed`
        }
    ];
}

export function modelLabel(result: RevenueResult): string {
    return result.models.find((option) => option.value === result.model)?.label ?? result.model;
}

/** Which credits are shown, and how fresh they are. */
export function sourceText(result: RevenueResult): string {
    const credits =
        result.source === 'Salesforce'
            ? `Credits come from Salesforce Customizable Campaign Influence, model “${result.influenceModel ?? ''}”, read by Baton's nightly job`
            : "Credits come from Baton's attribution models, computed by its nightly job from the campaign responses of converted leads and their contacts";
    if (!result.computedAt) {
        return `${credits}. The job has not computed this range yet: ask your Salesforce admin to schedule it, or to run it for past months.`;
    }
    return `${credits}, last computed ${formatInstant(result.computedAt)}.`;
}

export function emptyText(result: RevenueResult): string {
    return `No opportunity created by converting a lead closed, or was opened and is still open, between ${formatDay(result.startDate)} and ${formatDay(result.endDate)}.`;
}

export interface ReturnRow {
    key: string;
    label: string;
    type: string;
    campaigns: string;
    cost: string;
    mqls: string;
    won: string;
    pipeline: string;
    wonDeals: string;
    costPerMql: string;
    costPerWonDeal: string;
    roi: string;
    roiClass: string;
}

function returnRow(row: CampaignRow, key: string): ReturnRow {
    const roi = row.roiPercent;
    return {
        key,
        label: row.label,
        type: row.type ?? '—',
        campaigns: formatCount(row.campaignCount),
        cost: formatMoney(row.cost),
        mqls: formatCount(row.mqls),
        won: formatMoney(row.wonAmount),
        pipeline: formatMoney(row.openAmount),
        wonDeals: formatCount(row.wonDeals),
        costPerMql: formatMoney(row.costPerMql, true),
        costPerWonDeal: formatMoney(row.costPerWonDeal, true),
        roi: formatPercent(roi),
        roiClass: roi === null || roi === undefined ? 'roi' : roi >= 0 ? 'roi roi_gain' : 'roi roi_loss'
    };
}

export function campaignRows(result: RevenueResult): ReturnRow[] {
    return result.campaigns.map((row, index) => returnRow(row, row.campaignId ?? `none-${index}`));
}

export function channelRows(result: RevenueResult): ReturnRow[] {
    return result.channels.map((row) => returnRow(row, `channel-${row.label}`));
}

export interface ModelTable {
    columns: Array<{ key: string; label: string }>;
    rows: Array<{ key: string; label: string; cells: Array<{ key: string; label: string; value: string }> }>;
}

/** Each campaign's won revenue under every model the source offers, side by side. */
export function modelTable(result: RevenueResult): ModelTable {
    const columns = result.models.map((option) => ({ key: option.value, label: option.label }));
    return {
        columns,
        rows: result.campaigns.map((row, index) => ({
            key: row.campaignId ?? `none-${index}`,
            label: row.label,
            cells: columns.map((column, position) => ({
                key: column.key,
                label: column.label,
                value: formatMoney(row.wonByModel[position])
            }))
        }))
    };
}

export function sourceRows(result: RevenueResult) {
    return result.sources.map((row: SourceRow) => ({
        key: row.label,
        label: row.label,
        won: formatMoney(row.wonAmount),
        pipeline: formatMoney(row.openAmount),
        wonDeals: formatCount(row.wonDeals),
        lostDeals: formatCount(row.lostDeals),
        average: formatMoney(row.averageDealSize, true),
        winRate: formatPercent(row.winRatePercent)
    }));
}
