/**
 * What the checks after a deploy read once from the org: the `Default` Lead Handoff Setting (SDR
 * and recycle queues, the chat Named Credential) and the escalation queues of the active SLA
 * policies. Read after `force-app` is deployed, so the records are the ones the deploy just wrote.
 */
import { query, type OrgCalls } from './orgCalls.ts';

export interface HandoffSetup {
    sdrQueue: string | undefined;
    recycleQueue: string | undefined;
    escalationQueues: string[];
    chatNamedCredential: string | undefined;
}

/** The outcome of one check after the deploy, as its checklist item shows it. */
export interface SetupCheck {
    state: 'done' | 'to do' | 'skipped';
    detail: string;
}

const present = (value: string | null | undefined): string | undefined => value?.trim() || undefined;

export async function readHandoffSetup(org: OrgCalls): Promise<HandoffSetup> {
    const [setting] = await query<{
        SDR_Queue__c: string | null;
        Recycle_Queue__c: string | null;
        Chat_Named_Credential__c: string | null;
    }>(
        org,
        'SELECT SDR_Queue__c, Recycle_Queue__c, Chat_Named_Credential__c FROM Lead_Handoff_Setting__mdt ' +
            "WHERE DeveloperName = 'Default'",
        "Reading Baton's Default setting"
    );
    const policies = await query<{ Escalation_Queue__c: string | null }>(
        org,
        'SELECT Escalation_Queue__c FROM Lead_SLA_Policy__mdt WHERE Active__c = true AND Escalation_Queue__c != null',
        "Reading Baton's SLA policies"
    );
    return {
        sdrQueue: present(setting?.SDR_Queue__c),
        recycleQueue: present(setting?.Recycle_Queue__c),
        escalationQueues: policies.flatMap(({ Escalation_Queue__c }) => present(Escalation_Queue__c) ?? []),
        chatNamedCredential: present(setting?.Chat_Named_Credential__c)
    };
}

/** Every queue the setup names, once each (DeveloperNames compare ignoring case, as Baton looks them up), sorted. */
export function namedQueues({ sdrQueue, recycleQueue, escalationQueues }: HandoffSetup): string[] {
    const byKey = new Map<string, string>();
    for (const name of [sdrQueue, recycleQueue, ...escalationQueues]) {
        if (name && !byKey.has(name.toLowerCase())) byKey.set(name.toLowerCase(), name);
    }
    return [...byKey.values()].sort();
}
