/**
 * Campaign attribution of one opportunity, in exact decimals: the TypeScript side of the specification the Apex class
 * CampaignAttribution follows. Both are held to the hand-computed cases of the static resource
 * BatonAttributionVectors (scripts/test/attribution-vectors.test.ts here, CampaignAttributionVectorsTest in the org).
 * npm run demo uses it to attribute the seeded opportunities, since the org double runs no Apex.
 *
 * The models, the touch order and the rounding rule are stated in the vectors' header and in CampaignAttribution's.
 */
import { Decimal } from 'decimal.js';

/** Exact decimal arithmetic for amounts (no rounding of sums, no exponent notation). */
const Amount = Decimal.clone({ precision: 1e9, toExpNeg: -9e15, toExpPos: 9e15 });
type Amount = Decimal;

export const MODELS = [
    'First_Touch',
    'Last_Touch_Before_MQL',
    'Last_Touch_Before_Opportunity',
    'Even',
    'Position_Based'
] as const;
export type Model = (typeof MODELS)[number];

/** Decimal places of Opportunity.Amount. */
export const AMOUNT_SCALE = 2;
const CENTS_PER_UNIT = 100;

export interface Touch {
    campaign: string;
    /** `YYYY-MM-DD`: the response day. */
    day: string;
    /** Orders touches of the same day (the response's creation instant and Id). */
    tieBreak: string;
}

export interface Deal {
    /** Decimal text; null counts as zero. */
    amount: string | null;
    mqlDay: string | null;
    createdDay: string;
    /** Responses after this day do not count; null for an open opportunity. */
    closeDay: string | null;
    touches: Touch[];
}

/** Credits of one model: campaign (null: no campaign) → credit, in the order campaigns first get credit. */
export type Credits = Map<string | null, Amount>;

type Weight = [numerator: number, denominator: number];

/** Code unit order, as Apex's String.compareTo. */
function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

function ordered(deal: Deal): Touch[] {
    return deal.touches
        .filter((touch) => deal.closeDay === null || touch.day <= deal.closeDay)
        .sort((a, b) => compareText(a.day, b.day) || compareText(a.tieBreak, b.tieBreak));
}

function lastOnOrBefore(touches: Touch[], day: string | null): Touch | undefined {
    return day === null ? undefined : touches.filter((touch) => touch.day <= day).at(-1);
}

function single(amount: Amount, touch: Touch | undefined): Credits {
    return new Map([[touch?.campaign ?? null, amount]]);
}

function evenWeights(count: number): Weight[] {
    return Array.from({ length: count }, (): Weight => [1, count]);
}

function positionWeights(count: number): Weight[] {
    if (count <= 2) {
        return evenWeights(count);
    }
    const middle = Array.from({ length: count - 2 }, (): Weight => [1, 5 * (count - 2)]);
    return [[2, 5], ...middle, [2, 5]];
}

/** The largest-remainder split of the amount by weights adding up to 1, summed per campaign. */
function split(amount: Amount, touches: Touch[], weights: Weight[]): Credits {
    if (touches.length === 0) {
        return single(amount, undefined);
    }
    const cents = amount.abs().times(CENTS_PER_UNIT);
    const sign = amount.isNegative() ? -1 : 1;
    const shares = weights.map(([numerator, denominator], position) => {
        const scaled = cents.times(numerator);
        const whole = scaled.dividedToIntegerBy(denominator);
        return { position, cents: whole, remainder: scaled.minus(whole.times(denominator)), denominator };
    });
    const leftover = cents.minus(shares.reduce((sum, share) => sum.plus(share.cents), new Amount(0))).toNumber();
    const byRemainder = [...shares].sort(
        (a, b) =>
            b.remainder.times(a.denominator).comparedTo(a.remainder.times(b.denominator)) || a.position - b.position
    );
    for (const share of byRemainder.slice(0, leftover)) {
        share.cents = share.cents.plus(1);
    }
    const credits: Credits = new Map();
    shares.forEach((share, position) => {
        const { campaign } = touches[position] as Touch;
        // No negative zero: Apex's Decimal has none.
        const credit = share.cents.isZero() ? new Amount(0) : share.cents.times(sign).dividedBy(CENTS_PER_UNIT);
        credits.set(campaign, (credits.get(campaign) ?? new Amount(0)).plus(credit));
    });
    return credits;
}

/** Credits per model; under every model they add up to the amount exactly. */
export function credit(deal: Deal): Record<Model, Credits> {
    const amount = new Amount(deal.amount ?? 0);
    if (!amount.times(CENTS_PER_UNIT).isInteger()) {
        throw new Error(`Amounts have at most ${AMOUNT_SCALE} decimal places: ${deal.amount}`);
    }
    const touches = ordered(deal);
    return {
        First_Touch: single(amount, touches[0]),
        Last_Touch_Before_MQL: single(amount, lastOnOrBefore(touches, deal.mqlDay)),
        Last_Touch_Before_Opportunity: single(amount, lastOnOrBefore(touches, deal.createdDay)),
        Even: split(amount, touches, evenWeights(touches.length)),
        Position_Based: split(amount, touches, positionWeights(touches.length))
    };
}

/** An amount as the vectors and reports write it: two decimal places. */
export function formatAmount(amount: Amount): string {
    return amount.toFixed(AMOUNT_SCALE);
}

export { Amount };
