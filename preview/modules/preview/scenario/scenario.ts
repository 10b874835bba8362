/**
 * What the platform stand-ins answer in the preview, and what the components asked of them.
 *
 * A state of the preview installs one answer per Apex method (`setAnswers`); `@salesforce/apex/*` calls and
 * wires go through `answer`. Every Apex call, published message, navigation and toast is recorded in the
 * log, which the preview shows and the browser tests read (`window.batonPreview.log`).
 */
export type ApexParams = Record<string, unknown>;
export type ApexAnswer = (params: ApexParams) => Promise<unknown>;

export interface LogEntry {
    kind: 'apex' | 'message' | 'navigate' | 'toast';
    name: string;
    detail: unknown;
}

let answers: Record<string, ApexAnswer> = {};
const log: LogEntry[] = [];
const listeners = new Set<(entry: LogEntry) => void>();

export function setAnswers(next: Record<string, ApexAnswer>): void {
    answers = next;
    log.length = 0;
}

export function record(entry: LogEntry): void {
    log.push(entry);
    listeners.forEach((listener) => listener(entry));
}

export function readLog(): LogEntry[] {
    return [...log];
}

export function onRecord(listener: (entry: LogEntry) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
}

/** An Apex call as the platform would answer it: a copy of the data, or a rejection shaped like a fetch error. */
export async function answer(method: string, params: ApexParams): Promise<unknown> {
    record({ kind: 'apex', name: method, detail: params });
    const answerOf = answers[method];
    if (!answerOf) {
        throw apexError(`The preview has no answer for ${method} in this state.`);
    }
    return structuredClone(await answerOf(params));
}

/** The shape an AuraHandledException reaches a component in: `{ status, body: { message } }`. */
export function apexError(message: string, status = 500): { status: number; body: { message: string } } {
    return { status, body: { message } };
}
