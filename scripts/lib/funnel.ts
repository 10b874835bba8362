/**
 * The funnel of seeded leads, computed from the records: MQL count, the MQL → SAL → SQL →
 * Opportunity → Won rates, SLA clocks met and breached per stage, and rejection reasons.
 */
import type { OrgConnection } from './connection.ts';
import { formatTable } from './output.ts';
import { queryAll } from './query.ts';

export interface FunnelLead {
    MQL_Date__c: string | null;
    SAL_Date__c: string | null;
    SQL_Date__c: string | null;
    ConvertedOpportunityId: string | null;
    Rejection_Reason__c: string | null;
}

export interface FunnelClock {
    Stage__c: string;
    Status__c: string;
}

export interface Funnel {
    mql: number;
    sal: number;
    sql: number;
    opportunities: number;
    won: number;
    sla: Record<string, { met: number; breached: number; open: number }>;
    rejectionReasons: Record<string, number>;
}

export function computeFunnel(leads: FunnelLead[], clocks: FunnelClock[], wonOpportunityIds: Set<string>): Funnel {
    const mqls = leads.filter((lead) => lead.MQL_Date__c);
    const funnel: Funnel = {
        mql: mqls.length,
        sal: mqls.filter((lead) => lead.SAL_Date__c).length,
        sql: mqls.filter((lead) => lead.SQL_Date__c).length,
        opportunities: mqls.filter((lead) => lead.ConvertedOpportunityId).length,
        won: mqls.filter(
            (lead) => lead.ConvertedOpportunityId && wonOpportunityIds.has(lead.ConvertedOpportunityId.slice(0, 15))
        ).length,
        sla: {},
        rejectionReasons: {}
    };
    for (const clock of clocks) {
        const stage = (funnel.sla[clock.Stage__c] ??= { met: 0, breached: 0, open: 0 });
        if (clock.Status__c === 'Met') stage.met++;
        else if (clock.Status__c === 'Breached') stage.breached++;
        else if (clock.Status__c === 'Open') stage.open++;
    }
    for (const lead of mqls) {
        if (lead.Rejection_Reason__c) {
            funnel.rejectionReasons[lead.Rejection_Reason__c] =
                (funnel.rejectionReasons[lead.Rejection_Reason__c] ?? 0) + 1;
        }
    }
    return funnel;
}

function rate(part: number, whole: number): string {
    return whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`;
}

export function formatFunnel(funnel: Funnel): string {
    const stages = formatTable(
        ['step', 'leads', 'rate'],
        [
            ['MQL', String(funnel.mql), ''],
            ['MQL → SAL', String(funnel.sal), rate(funnel.sal, funnel.mql)],
            ['SAL → SQL', String(funnel.sql), rate(funnel.sql, funnel.sal)],
            ['SQL → Opportunity', String(funnel.opportunities), rate(funnel.opportunities, funnel.sql)],
            ['Opportunity → Won', String(funnel.won), rate(funnel.won, funnel.opportunities)]
        ]
    );
    const sla = formatTable(
        ['SLA clock', 'met', 'breached', 'open', 'compliance'],
        Object.entries(funnel.sla).map(([stage, counts]) => [
            stage,
            String(counts.met),
            String(counts.breached),
            String(counts.open),
            rate(counts.met, counts.met + counts.breached)
        ])
    );
    const reasons = Object.entries(funnel.rejectionReasons)
        .sort((a, b) => b[1] - a[1])
        .map(([reason, count]) => `${reason} ${count}`)
        .join(', ');
    return `${stages}\n\n${sla}\n\nRejection reasons: ${reasons || 'none'}`;
}

/** Reads the seeded leads' funnel from an org (three queries). */
export async function readFunnel(org: OrgConnection): Promise<Funnel> {
    const leads = await queryAll<FunnelLead & Record<string, unknown>>(
        org,
        'SELECT MQL_Date__c, SAL_Date__c, SQL_Date__c, ConvertedOpportunityId, Rejection_Reason__c FROM Lead WHERE Baton_Seed_Key__c != null AND MQL_Date__c != null'
    );
    const clocks = await queryAll<FunnelClock & Record<string, unknown>>(
        org,
        'SELECT Stage__c, Status__c FROM Lead_SLA__c WHERE Baton_Seed_Key__c != null'
    );
    const won = await queryAll<{ Id: string }>(
        org,
        'SELECT Id FROM Opportunity WHERE IsWon = true AND Id IN (SELECT ConvertedOpportunityId FROM Lead WHERE Baton_Seed_Key__c != null)'
    );
    return computeFunnel(leads, clocks, new Set(won.map((record) => record.Id.slice(0, 15))));
}
