/**
 * How the preview states' Apex methods answer: never (the component stays in its loading state), with a fixture, or
 * with an error; and today's date as the components read it.
 */
import TIME_ZONE from '@salesforce/i18n/timeZone';
import type { ApexAnswer } from 'preview/scenario';

/** A promise that never settles: the component stays in its loading state. */
export const PENDING: ApexAnswer = () => new Promise(() => undefined);

export function answerWith(value: unknown): ApexAnswer {
    return () => Promise.resolve(value);
}

export function failWith(error: unknown): ApexAnswer {
    return () => Promise.reject(error);
}

/** Today in the time zone the components read dates in, as `YYYY-MM-DD`. */
export function today(): string {
    return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
}
