/**
 * Round-robin fairness, from the members' records: for each routed queue, each active member's
 * share of the leads round robin gave out (Assigned_Count__c, which Baton's routing keeps) against
 * its weight's share, and the gap in percentage points.
 */
import type { OrgConnection } from './connection.ts';
import { formatTable } from './output.ts';
import { queryAll } from './query.ts';

export interface MemberRecord {
    Queue__c: string;
    User__r: { Name: string } | null;
    Weight__c: number | null;
    Assigned_Count__c: number | null;
}

export interface MemberShare {
    queue: string;
    member: string;
    weight: number;
    assigned: number;
    /** Percent of the queue's assigned leads. */
    share: number;
    /** Percent the weight asks for. */
    weightShare: number;
}

export interface Fairness {
    members: MemberShare[];
    /** The largest gap between a share and its weight's share, in percentage points. */
    largestGap: number;
    assigned: number;
}

export function computeFairness(records: MemberRecord[]): Fairness {
    const byQueue = new Map<string, MemberRecord[]>();
    for (const record of records) {
        byQueue.set(record.Queue__c, [...(byQueue.get(record.Queue__c) ?? []), record]);
    }
    const members: MemberShare[] = [];
    for (const [queue, queueMembers] of [...byQueue].sort(([a], [b]) => a.localeCompare(b))) {
        const weights = queueMembers.reduce((sum, member) => sum + (member.Weight__c ?? 0), 0);
        const assigned = queueMembers.reduce((sum, member) => sum + (member.Assigned_Count__c ?? 0), 0);
        for (const member of queueMembers) {
            members.push({
                queue,
                member: member.User__r?.Name ?? '?',
                weight: member.Weight__c ?? 0,
                assigned: member.Assigned_Count__c ?? 0,
                share: assigned === 0 ? 0 : ((member.Assigned_Count__c ?? 0) / assigned) * 100,
                weightShare: weights === 0 ? 0 : ((member.Weight__c ?? 0) / weights) * 100
            });
        }
    }
    return {
        members,
        largestGap: Math.max(0, ...members.map((member) => Math.abs(member.share - member.weightShare))),
        assigned: members.reduce((sum, member) => sum + member.assigned, 0)
    };
}

export function formatFairness(fairness: Fairness): string {
    const table = formatTable(
        ['queue', 'member', 'weight', 'leads', 'share', 'weight share', 'gap'],
        fairness.members.map((member) => [
            member.queue,
            member.member,
            String(member.weight),
            String(member.assigned),
            `${member.share.toFixed(1)}%`,
            `${member.weightShare.toFixed(1)}%`,
            `${(member.share - member.weightShare).toFixed(1)} pts`
        ])
    );
    return `${table}\n\nLargest gap from a weight: ${fairness.largestGap.toFixed(1)} percentage points over ${fairness.assigned} leads.`;
}

/** Reads the active round-robin members (one query). */
export async function readFairness(org: OrgConnection): Promise<Fairness> {
    return computeFairness(
        await queryAll<MemberRecord & Record<string, unknown>>(
            org,
            'SELECT Queue__c, User__r.Name, Weight__c, Assigned_Count__c FROM Lead_Routing_Member__c WHERE Active__c = true ORDER BY Queue__c, User__r.Name'
        )
    );
}
