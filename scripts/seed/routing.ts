/**
 * The routing and speed-to-lead part of the seed's history: who each MQL went to, and when a rep
 * first reached it. The org double runs no Apex, and in an org the history is written with Baton's
 * automation bypassed, so the seed writes what Baton's round robin and activity triggers would have
 * recorded — the owner, the clocks' assignee and routing status, and each MQL clock's first touch —
 * and the members' records with their counts.
 *
 * This is not Baton's round robin: each lead's rep is drawn at random in proportion to the members'
 * weights (Baton takes exact weighted turns: force-app/main/default/classes/routing, proven by its
 * Apex tests), so the seeded shares wander a little around the weights, as data from anywhere but a
 * deterministic router would. First touches follow a spread meant to look like a real SDR team's:
 * one lead in five touched within five business minutes, most within the day, one in twelve later
 * than the 24-business-hour MQL target.
 */
import { addBusinessHours } from './businessHours.ts';
import { asText } from '../lib/text.ts';
import { seededRandom } from '../lib/random.ts';
import { between } from './draw.ts';
import { SEED_KEY, type SeedRecord } from './records.ts';

export interface Rep {
    id: string;
    name: string;
}

/** A member's weight: the third rep counts double (1, 1, 2, 1, 1, …), so unequal weights show. */
export function weightOf(position: number): number {
    return position === 2 ? 2 : 1;
}

/** Business minutes to the first touch: share of leads, and the range drawn from. */
const TOUCH_SPREAD: readonly Share<[number, number]>[] = [
    { share: 0.2, value: [1, 5] },
    { share: 0.3, value: [5, 60] },
    { share: 0.3, value: [60, 480] },
    { share: 0.12, value: [480, 1440] },
    { share: 0.08, value: [1440, 2880] }
];
const TOUCH_KINDS: readonly Share<string>[] = [
    { share: 0.55, value: 'Call' },
    { share: 0.35, value: 'Email' },
    { share: 0.1, value: 'Meeting' }
];
const MINUTE = 60_000;

interface Share<T> {
    share: number;
    value: T;
}

/** The value whose share the roll (0 to 1) falls in. */
function drawShare<T>(roll: number, shares: readonly Share<T>[]): T {
    let rest = roll;
    for (const { share, value } of shares) {
        if (rest < share) return value;
        rest -= share;
    }
    const last = shares.at(-1);
    if (!last) throw new Error('draw from an empty list');
    return last.value;
}

/** A rep drawn in proportion to the weights. */
function drawRep(next: () => number, reps: readonly Rep[]): Rep {
    const total = reps.reduce((sum, _rep, position) => sum + weightOf(position), 0);
    let roll = next() * total;
    for (const [position, rep] of reps.entries()) {
        roll -= weightOf(position);
        if (roll < 0) return rep;
    }
    const last = reps.at(-1);
    if (!last) throw new Error('no rep to route to');
    return last;
}

/**
 * Routes lead `index` (an MQL with its clocks) to a rep and gives its MQL clock a first touch when
 * one would have happened by `now`. Returns the rep, and the time the lead was routed.
 */
export function routeAndTouch(
    index: number,
    lead: SeedRecord,
    clocks: SeedRecord[],
    reps: readonly Rep[],
    now: Date
): { rep: Rep; routedAt: Date } | undefined {
    const mqlClock = clocks.find((clock) => clock.Stage__c === 'MQL');
    if (reps.length === 0 || !mqlClock) return undefined;
    // Its own sequence, so the lead's other seeded values stay what they were before routing was seeded.
    const next = seededRandom(index * 104_729);
    const rep = drawRep(next, reps);
    const started = new Date(asText(mqlClock.Started_At__c));
    const routedAt = new Date(started.getTime() + Math.round(between(next, 2, 30)) * 1000);
    lead.OwnerId = rep.id;
    if (lead.Accepted_By__c !== undefined) lead.Accepted_By__c = rep.id;
    for (const clock of clocks) clock.Assignee__c = rep.id;
    Object.assign(mqlClock, {
        Routing_Status__c: 'Routed',
        Routed_At__c: routedAt.toISOString(),
        Routing_Note__c: `Given to ${rep.name} by round robin.`
    });
    const [from, to] = drawShare(next(), TOUCH_SPREAD);
    const businessMinutes = Math.round(between(next, from, to));
    const touchedAt = addBusinessHours(started, businessMinutes / 60);
    const kind = drawShare(next(), TOUCH_KINDS);
    if (touchedAt <= now) {
        Object.assign(mqlClock, {
            First_Touch_At__c: touchedAt.toISOString(),
            First_Touch_Type__c: kind,
            First_Touch_By__c: rep.id,
            First_Touch_Business_Minutes__c: businessMinutes,
            First_Touch_Minutes__c: Math.round((touchedAt.getTime() - started.getTime()) / MINUTE)
        });
    }
    return { rep, routedAt };
}

/** One member record per rep in `queue`, with the leads the seed routed to them. */
export function routingMembers(
    queue: string,
    reps: readonly Rep[],
    routed: readonly { rep: Rep; routedAt: Date }[]
): SeedRecord[] {
    return reps.map((rep, position) => {
        const theirs = routed.filter((item) => item.rep.id === rep.id);
        const last = theirs.reduce<Date | null>(
            (latest, item) => (!latest || item.routedAt > latest ? item.routedAt : latest),
            null
        );
        return {
            [SEED_KEY]: `baton-seed:member:${rep.id}`,
            Queue__c: queue,
            User__c: rep.id,
            Weight__c: weightOf(position),
            Active__c: true,
            Assigned_Count__c: theirs.length,
            Last_Assigned_At__c: last ? last.toISOString() : null,
            Turn_Credit__c: 0
        };
    });
}
