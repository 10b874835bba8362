/**
 * Errors the scripts report to consultants: one clear sentence of what went wrong and what to
 * do about it. `explainError` turns jsforce and network errors into these.
 */
export class ScriptError extends Error {
    /** What to do about it (a command to run, a setting to check). */
    readonly hint: string | undefined;

    constructor(message: string, hint?: string, options?: ErrorOptions) {
        super(message, options);
        this.name = 'ScriptError';
        this.hint = hint;
    }
}

interface ApiFailure {
    errorCode?: string;
    code?: string;
    name?: string;
    message?: string;
    cause?: unknown;
}

const NETWORK_CODES = [
    'ECONNREFUSED',
    'ECONNRESET',
    'ENOTFOUND',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'UND_ERR_SOCKET',
    'EPIPE'
];

function networkCode(error: ApiFailure | undefined, depth = 0): string | undefined {
    if (!error || depth > 4) {
        return undefined;
    }
    const code = error.code ?? error.errorCode;
    if (code && NETWORK_CODES.includes(code)) {
        return code;
    }
    if (error.message && /fetch failed|socket hang up|other side closed/i.test(error.message)) {
        return networkCode(error.cause as ApiFailure | undefined, depth + 1) ?? 'connection lost';
    }
    return networkCode(error.cause as ApiFailure | undefined, depth + 1);
}

/** A ScriptError for any failure of a call to `orgLabel` (an alias, username or instance URL). */
export function explainError(error: unknown, orgLabel: string, reauthenticate: string): ScriptError {
    if (error instanceof ScriptError) {
        return error;
    }
    const failure = (error ?? {}) as ApiFailure;
    const code = failure.errorCode ?? failure.name ?? '';
    const message = failure.message ?? String(error);
    if (
        /INVALID_SESSION_ID/.test(code) ||
        /INVALID_SESSION_ID|Session expired or invalid|Unable to refresh session/.test(message)
    ) {
        return new ScriptError(
            `The session for ${orgLabel} has expired or was revoked (INVALID_SESSION_ID).`,
            reauthenticate,
            { cause: error }
        );
    }
    const network = networkCode(failure);
    if (network) {
        return new ScriptError(
            `Could not reach ${orgLabel} (${network}). Nothing after the last completed step was written.`,
            'Check the network or VPN, then run the same command again: it picks up where it stopped.',
            { cause: error }
        );
    }
    if (/FIELD_CUSTOM_VALIDATION_EXCEPTION/.test(code + message)) {
        return new ScriptError(
            `A validation rule in ${orgLabel} rejected a record: ${message}`,
            'Relax or deactivate the rule for this user, or fix the data it names.',
            {
                cause: error
            }
        );
    }
    if (/INSUFFICIENT_ACCESS|NOT_ACCESSIBLE|API_DISABLED_FOR_ORG|FUNCTIONALITY_NOT_ENABLED/.test(code + message)) {
        return new ScriptError(
            `${orgLabel} refused the call for lack of permission: ${message}`,
            'Assign the Baton_Admin permission set (sf org assign permset --name Baton_Admin) or use an administrator.',
            {
                cause: error
            }
        );
    }
    return new ScriptError(`${orgLabel} answered with an error: ${code ? `${code}: ` : ''}${message}`, undefined, {
        cause: error
    });
}
