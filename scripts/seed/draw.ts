/** Draws for the seed, from a seeded generator (lib/random.ts). */

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
