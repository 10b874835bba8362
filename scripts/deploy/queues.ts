/**
 * The queues Baton's settings name (Lead Handoff Setting `Default`: SDR and recycle queues; active
 * SLA policies: escalation queues) must exist and accept leads: a queue takes records of an object
 * only when the object is one of its supported objects (QueueSobject). Baton skips a queue that does
 * not, so leads keep their owner; the checklist tells the admin instead of leaving it to the logs.
 */
import { query, soqlString, type OrgCalls } from './orgCalls.ts';

export interface QueueCheck {
    /** Queue DeveloperNames the settings name. */
    named: string[];
    problems: string[];
}

export async function checkQueues(org: OrgCalls): Promise<QueueCheck> {
    const settings = await query<{ SDR_Queue__c: string | null; Recycle_Queue__c: string | null }>(
        org,
        "SELECT SDR_Queue__c, Recycle_Queue__c FROM Lead_Handoff_Setting__mdt WHERE DeveloperName = 'Default'",
        "Reading Baton's Default setting"
    );
    const policies = await query<{ Escalation_Queue__c: string | null }>(
        org,
        'SELECT Escalation_Queue__c FROM Lead_SLA_Policy__mdt WHERE Active__c = true AND Escalation_Queue__c != null',
        "Reading Baton's SLA policies"
    );
    const named = [
        ...new Set(
            [
                ...settings.flatMap(({ SDR_Queue__c, Recycle_Queue__c }) => [SDR_Queue__c, Recycle_Queue__c]),
                ...policies.map(({ Escalation_Queue__c }) => Escalation_Queue__c)
            ].filter((name): name is string => Boolean(name?.trim()))
        )
    ].sort();
    if (named.length === 0) {
        return { named, problems: [] };
    }
    const queues = await query<{ DeveloperName: string; QueueSobjects: { records: { SobjectType: string }[] } | null }>(
        org,
        'SELECT DeveloperName, (SELECT SobjectType FROM QueueSobjects) FROM Group ' +
            `WHERE Type = 'Queue' AND DeveloperName IN (${named.map(soqlString).join(', ')})`,
        'Reading the queues'
    );
    const problems = named.flatMap((name) => {
        const queue = queues.find(({ DeveloperName }) => DeveloperName.toLowerCase() === name.toLowerCase());
        if (!queue) {
            return [`queue ${name} does not exist (Setup → Queues → New, API name ${name}, supported object Lead)`];
        }
        const objects = queue.QueueSobjects?.records.map(({ SobjectType }) => SobjectType) ?? [];
        return objects.includes('Lead')
            ? []
            : [`queue ${name} does not take leads (Setup → Queues → ${name}: add Lead to its supported objects)`];
    });
    return { named, problems };
}
