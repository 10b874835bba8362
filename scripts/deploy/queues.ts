/**
 * Queues must exist and accept leads: a queue takes records of an object only when the object is
 * one of its supported objects (QueueSobject). Baton skips a queue that does not, so leads keep
 * their owner; the checklist tells the admin instead of leaving it to the logs. The queues checked
 * are the ones Baton's settings name (Lead Handoff Setting `Default`: SDR and recycle queues; active
 * SLA policies: escalation queues) and the ones round-robin members name (roundRobin.ts).
 */
import { namedQueues, type HandoffSetup, type SetupCheck } from './handoffSetup.ts';
import { query, soqlString, type OrgCalls } from './orgCalls.ts';

/** What is wrong with each of these queues (DeveloperNames), one sentence each; none when all take leads. */
export async function leadQueueProblems(org: OrgCalls, names: string[]): Promise<string[]> {
    if (names.length === 0) {
        return [];
    }
    const queues = await query<{ DeveloperName: string; QueueSobjects: { records: { SobjectType: string }[] } | null }>(
        org,
        'SELECT DeveloperName, (SELECT SobjectType FROM QueueSobjects) FROM Group ' +
            `WHERE Type = 'Queue' AND DeveloperName IN (${names.map(soqlString).join(', ')})`,
        'Reading the queues'
    );
    return names.flatMap((name) => {
        const queue = queues.find(({ DeveloperName }) => DeveloperName.toLowerCase() === name.toLowerCase());
        if (!queue) {
            return [`queue ${name} does not exist (Setup → Queues → New, API name ${name}, supported object Lead)`];
        }
        const objects = queue.QueueSobjects?.records.map(({ SobjectType }) => SobjectType) ?? [];
        return objects.includes('Lead')
            ? []
            : [`queue ${name} does not take leads (Setup → Queues → ${name}: add Lead to its supported objects)`];
    });
}

/** The queues Baton's settings name. */
export async function checkQueues(org: OrgCalls, setup: HandoffSetup): Promise<SetupCheck> {
    const named = namedQueues(setup);
    if (named.length === 0) {
        return { state: 'done', detail: 'no queue configured: leads keep their owner' };
    }
    const problems = await leadQueueProblems(org, named);
    return problems.length > 0
        ? { state: 'to do', detail: problems.join('; ') }
        : {
              state: 'done',
              detail: `${named.join(', ')}: ${named.length === 1 ? 'exists and takes' : 'exist and take'} leads`
          };
}
