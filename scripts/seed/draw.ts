/** Deterministic draws for the seed. */

/** A small deterministic PRNG (mulberry32), seeded per lead. */
export function random(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
}

/** One of the items, uniformly. */
export function pick<T>(next: () => number, items: readonly T[]): T {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
}

/** A number from low to high, uniformly. */
export function between(next: () => number, low: number, high: number): number {
    return low + next() * (high - low);
}
