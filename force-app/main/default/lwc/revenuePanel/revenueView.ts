/**
 * What the revenue panel shows, computed from a RevenueResult: the headline figures, where the credits come from,
 * the campaign, channel and model tables and the rows of the Lead Source table, formatted. Pure functions: the
 * component only wires and renders them.
 */
import type { CampaignRow, RevenueResult, SourceRow } from '@salesforce/apex/RevenueController.getRevenue';
import { NO_VALUE, formatCount, formatDay, formatInstant, formatMoney, formatPercent, plural } from 'c/batonFormat';
import type { HeadlineFigure } from 'c/headlineFigures';

export function headlines(result: RevenueResult): HeadlineFigure[] {
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

/** One of the panel's tables of campaigns, drawn by one template: its section, caption, columns and rows. */
export interface RevenueTable {
    key: string;
    sectionClass: string;
    headingId: string;
    heading: string;
    note: string;
    tableClass: string;
    caption: string;
    firstColumn: string;
    columns: Array<{ key: string; label: string }>;
    rows: Array<{
        key: string;
        label: string;
        cells: Array<{ key: string; label: string; value: string; className: string }>;
    }>;
}

const TABLE_CLASS = 'slds-table slds-table_bordered slds-table_cell-buffer stack-table';

/** Cost, MQLs, revenue and return of rows of campaigns; the second column names the row's type or its campaigns. */
function returnTable(
    section: Omit<RevenueTable, 'columns' | 'rows'>,
    second: string,
    secondValue: (row: CampaignRow) => string,
    rows: CampaignRow[],
    keyOf: (row: CampaignRow, index: number) => string
): RevenueTable {
    const columns = [
        second,
        'Cost',
        'MQLs',
        'Won revenue',
        'Pipeline',
        'Won deals',
        'Cost per MQL',
        'Cost per won deal',
        'Return'
    ];
    return {
        ...section,
        columns: columns.map((column) => ({ key: column, label: column })),
        rows: rows.map((row, index) => {
            const roi = row.roiPercent;
            const roiClass = roi === null || roi === undefined ? 'roi' : roi >= 0 ? 'roi roi_gain' : 'roi roi_loss';
            const values = [
                secondValue(row),
                formatMoney(row.cost),
                formatCount(row.mqls),
                formatMoney(row.wonAmount),
                formatMoney(row.openAmount),
                formatCount(row.wonDeals),
                formatMoney(row.costPerMql, true),
                formatMoney(row.costPerWonDeal, true),
                formatPercent(roi)
            ];
            return {
                key: keyOf(row, index),
                label: row.label,
                cells: values.map((value, position) => ({
                    key: columns[position],
                    label: columns[position],
                    value,
                    className: position === values.length - 1 ? roiClass : ''
                }))
            };
        })
    };
}

/** Each campaign's won revenue under every model the source offers, side by side. */
function modelTable(result: RevenueResult): RevenueTable {
    const columns = result.models.map((option) => ({ key: option.value, label: option.label }));
    return {
        key: 'models',
        sectionClass: 'section models',
        headingId: 'models-heading',
        heading: 'Won revenue by model',
        note: 'The same won revenue, credited to each campaign under every model.',
        tableClass: `${TABLE_CLASS} model-table`,
        caption: 'Won revenue credited to each campaign under each model',
        firstColumn: 'Campaign',
        columns,
        rows: result.campaigns.map((row, index) => ({
            key: row.campaignId ?? `none-${index}`,
            label: row.label,
            cells: columns.map((column, position) => ({
                key: column.key,
                label: column.label,
                value: formatMoney(row.wonByModel[position]),
                className: ''
            }))
        }))
    };
}

/**
 * The campaign table under the model shown, the channel table (campaigns of one Campaign Type added up) when any
 * campaign has a type, then each campaign under every model.
 */
export function revenueTables(result: RevenueResult): RevenueTable[] {
    const tables = [
        returnTable(
            {
                key: 'campaigns',
                sectionClass: 'section campaigns',
                headingId: 'campaigns-heading',
                heading: `By campaign: ${modelLabel(result)}`,
                note: "Cost is each campaign's Actual Cost, whatever the range: read return over a range that covers the campaign's deals. MQLs are leads that responded to the campaign and became MQL in the range.",
                tableClass: `${TABLE_CLASS} campaign-table`,
                caption:
                    'Revenue credited to each campaign in the range, its cost, MQLs, cost per MQL and per won deal, and return on its cost',
                firstColumn: 'Campaign'
            },
            'Type',
            (row) => row.type ?? NO_VALUE,
            result.campaigns,
            (row, index) => row.campaignId ?? `none-${index}`
        )
    ];
    if (result.channels.length > 0) {
        tables.push(
            returnTable(
                {
                    key: 'channels',
                    sectionClass: 'section channels',
                    headingId: 'channels-heading',
                    heading: 'By channel (Campaign Type)',
                    note: '',
                    tableClass: `${TABLE_CLASS} channel-table`,
                    caption: 'The campaigns of each Campaign Type added up: cost, MQLs, revenue and return',
                    firstColumn: 'Channel'
                },
                'Campaigns',
                (row) => formatCount(row.campaignCount),
                result.channels,
                (row) => `channel-${row.label}`
            )
        );
    }
    tables.push(modelTable(result));
    return tables;
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
