/**
 * The round-robin members (Lead_Routing_Member__c) against the org: each active member's queue must
 * exist and take leads, its user must be active (Baton skips an inactive user's turn), and its rep
 * should hold Baton_SDR to work the leads in Baton's queue. No member at all is a choice: leads then
 * wait in their queue for a rep to take them.
 */
import { count } from '../validate/check.ts';
import type { SetupCheck } from './handoffSetup.ts';
import { query, type OrgCalls } from './orgCalls.ts';
import { existingAssignments, PERMISSION_SETS } from './permissionSets.ts';
import { leadQueueProblems } from './queues.ts';

export const ROUND_ROBIN_DOC = 'docs/admin.md#set-it-up';

interface MemberRow {
    Queue__c: string | null;
    User__r: { Username: string; IsActive: boolean } | null;
}

export async function checkRoundRobin(org: OrgCalls): Promise<SetupCheck> {
    const members = await query<MemberRow>(
        org,
        'SELECT Queue__c, User__r.Username, User__r.IsActive FROM Lead_Routing_Member__c WHERE Active__c = true',
        'Reading the round-robin members'
    );
    if (members.length === 0) {
        return {
            state: 'skipped',
            detail: `no round-robin members: leads wait in their queue for a rep to take them (optional: ${ROUND_ROBIN_DOC})`
        };
    }
    // Queue API names compare ignoring case, as Baton looks queues up: keyed by lower case, named as first written.
    const queueByKey = new Map<string, { name: string; reps: Set<string> }>();
    const activeReps = new Set<string>();
    const problems: string[] = [];
    for (const { Queue__c: queue, User__r: user } of members) {
        const name = queue?.trim();
        if (!name || !user) {
            problems.push(`a member has no ${name ? 'user' : 'queue'}: fill it in or deactivate it`);
            continue;
        }
        if (!user.IsActive) {
            problems.push(`${user.Username} in ${name} is an inactive user and never gets a turn`);
        }
        const entry = queueByKey.get(name.toLowerCase()) ?? { name, reps: new Set<string>() };
        entry.reps.add(user.Username.toLowerCase());
        if (user.IsActive) activeReps.add(user.Username.toLowerCase());
        queueByKey.set(name.toLowerCase(), entry);
    }
    const queues = [...queueByKey.values()].sort((a, b) => a.name.localeCompare(b.name));
    problems.push(
        ...(await leadQueueProblems(
            org,
            queues.map(({ name }) => name)
        ))
    );
    const withoutSdr = (
        await existingAssignments(
            org,
            [...activeReps].sort().map((username) => ({ permissionSet: PERMISSION_SETS.sdr, username }))
        )
    ).filter(({ existed }) => !existed);
    if (withoutSdr.length > 0) {
        problems.push(
            `${withoutSdr.map(({ username }) => username).join(', ')} lack ${PERMISSION_SETS.sdr} (Baton's queue): run again with --sdr <username>`
        );
    }
    const summary = queues.map(({ name, reps: usernames }) => `${name}: ${count(usernames.size, 'rep')}`).join(', ');
    return problems.length > 0
        ? { state: 'to do', detail: `${summary}; ${[...new Set(problems)].join('; ')}` }
        : { state: 'done', detail: summary };
}
