/**
 * Error helpers shared by every Baton component.
 *
 * Errors reach a component in several shapes: a wire's `error`, a rejected imperative Apex call
 * (`{ body: { message } }` from an AuraHandledException), a User Interface API response (`body` as an
 * array, or `output.errors` / `output.fieldErrors` on a failed save), DML page and field errors, or a
 * plain JavaScript Error. `reduceErrors` turns any of them into readable, de-duplicated messages.
 */

type Bag = Record<string, unknown>;

function isBag(value: unknown): value is Bag {
    return typeof value === 'object' && value !== null;
}

function messageOf(value: unknown): string[] {
    if (typeof value === 'string') {
        return [value];
    }
    if (isBag(value) && typeof value.message === 'string') {
        return [value.message];
    }
    return [];
}

function messagesOfList(value: unknown): string[] {
    return Array.isArray(value) ? value.flatMap(messageOf) : [];
}

/** `{ Field__c: [{ message }] }`, as DML and UI API field errors come. */
function messagesOfFieldErrors(value: unknown): string[] {
    return isBag(value) ? Object.values(value).flatMap(messagesOfList) : [];
}

function messagesOfBody(body: unknown): string[] {
    if (Array.isArray(body)) {
        return body.flatMap(messageOf);
    }
    if (!isBag(body)) {
        return messageOf(body);
    }
    const output = isBag(body.output) ? body.output : {};
    const detailed = [
        ...messagesOfList(body.pageErrors),
        ...messagesOfFieldErrors(body.fieldErrors),
        ...messagesOfList(output.errors),
        ...messagesOfFieldErrors(output.fieldErrors)
    ];
    return detailed.length > 0 ? detailed : messageOf(body);
}

function messagesOfError(error: unknown): string[] {
    if (!isBag(error)) {
        return messageOf(error);
    }
    if ('body' in error && error.body != null) {
        const fromBody = messagesOfBody(error.body);
        if (fromBody.length > 0) {
            return fromBody;
        }
    }
    const own = messageOf(error);
    if (own.length > 0) {
        return own;
    }
    return typeof error.statusText === 'string' ? [error.statusText] : [];
}

export function reduceErrors(errors: unknown): string[] {
    const list = Array.isArray(errors) ? errors : [errors];
    const messages = list
        .filter((error) => error != null)
        .flatMap(messagesOfError)
        .map((message) => message.trim())
        .filter((message) => message.length > 0);
    return [...new Set(messages)];
}
