import { parseTimestamp } from 'c/slaClock';

/**
 * How far the server's clock is ahead of this browser's, in milliseconds. SLA clocks run on the server's
 * time, so a wrong laptop clock cannot turn a lead green or red; an unreadable server time counts as none.
 */
export function serverOffsetMs(serverTime: string | null | undefined, browserNow: number): number {
    if (!serverTime) {
        return 0;
    }
    try {
        return parseTimestamp(serverTime) - browserNow;
    } catch {
        return 0;
    }
}
