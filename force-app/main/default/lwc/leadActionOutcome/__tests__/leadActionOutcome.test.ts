import { mergeOutcome, succeededIds, summarize, toOutcome } from 'c/leadActionOutcome';

const SENT = [
    { leadId: 'A', name: 'Ada Lovelace' },
    { leadId: 'B', name: 'Grace Hopper' },
    { leadId: 'C', name: 'Alan Turing' }
];

describe('leadActionOutcome', () => {
    it('pairs results with the leads sent, in the order sent, whatever order they come back in', () => {
        const outcome = toOutcome('accept', SENT, [
            { leadId: 'C', success: false, message: 'Already accepted by Jane Rep at 11:58.' },
            { leadId: 'A', success: true }
        ]);
        expect(outcome.leads.map(({ leadId, success, message }) => [leadId, success, message])).toEqual([
            ['A', true, ''],
            ['B', false, 'The server returned no result for this lead. Refresh and try again.'],
            ['C', false, 'Already accepted by Jane Rep at 11:58.']
        ]);
        expect(succeededIds(outcome)).toEqual(['A']);
    });

    it('gives a failure without a message a plain explanation', () => {
        const outcome = toOutcome('qualify', SENT.slice(0, 1), [{ leadId: 'A', success: false }]);
        expect(outcome.leads[0].message).toBe('Could not be qualified.');
    });

    it('replaces the outcome of retried leads only', () => {
        const first = toOutcome('accept', SENT, [
            { leadId: 'A', success: false, needsConfirmation: true },
            { leadId: 'B', success: true },
            { leadId: 'C', success: false, message: 'No access' }
        ]);
        const retry = toOutcome('accept', SENT.slice(0, 1), [{ leadId: 'A', success: true }]);
        expect(succeededIds(mergeOutcome(first, retry))).toEqual(['A', 'B']);
    });

    it.each([
        ['accept', [true], { title: 'Ada Lovelace accepted', variant: 'success' }],
        ['reject', [true, true, true], { title: '3 leads rejected', variant: 'success' }],
        ['accept', [true, false, false], { title: '1 of 3 leads accepted', variant: 'warning' }],
        ['accept', [false], { title: 'Ada Lovelace was not accepted', variant: 'error' }],
        ['qualify', [false], { title: 'Ada Lovelace was not qualified', variant: 'warning' }],
        ['reject', [false, false], { title: 'None of the 2 leads were rejected', variant: 'error' }]
    ] as const)('summarises %s with results %j', (action, successes, expected) => {
        const sent = SENT.slice(0, successes.length);
        const outcome = toOutcome(
            action,
            sent,
            sent.map(({ leadId }, index) => ({ leadId, success: successes[index], message: 'why' }))
        );
        expect(summarize(outcome)).toEqual(expect.objectContaining(expected));
    });
});
