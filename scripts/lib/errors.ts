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
    /** Where a refused connection went (Node's net errors). */
    address?: string;
    /** The connection a dropped socket belonged to (undici's SocketError). */
    socket?: { remoteAddress?: string };
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

interface TransportFailure {
    code: string;
    /** The server's IP address, when the error carries it. */
    address: string | undefined;
}

function transportFailure(error: ApiFailure | undefined, depth = 0): TransportFailure | undefined {
    if (!error || depth > 4) {
        return undefined;
    }
    const code = error.code ?? error.errorCode;
    if (code && NETWORK_CODES.includes(code)) {
        return { code, address: error.socket?.remoteAddress ?? error.address };
    }
    if (error.message && /fetch failed|socket hang up|other side closed/i.test(error.message)) {
        return (
            transportFailure(error.cause as ApiFailure | undefined, depth + 1) ?? {
                code: 'connection lost',
                address: undefined
            }
        );
    }
    return transportFailure(error.cause as ApiFailure | undefined, depth + 1);
}

/** 127.0.0.0/8, ::1 and IPv4-mapped loopback: a server on this machine. */
function isLoopback(address: string | undefined): boolean {
    return address !== undefined && /^(127\.|::1$|::ffff:127\.)/.test(address);
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
    const transport = transportFailure(failure);
    if (transport && isLoopback(transport.address)) {
        return new ScriptError(
            `${orgLabel} is a server on this machine (${transport.address}), and it ${transport.code === 'ECONNREFUSED' ? 'is not listening' : 'dropped the connection'} (${transport.code}). Nothing after the last completed step was written.`,
            'Not the network: check that the server (the org double of npm run double, or a proxy) is still running, then run the same command again: it picks up where it stopped.',
            { cause: error }
        );
    }
    if (transport) {
        return new ScriptError(
            `Could not reach ${orgLabel} (${transport.code}). Nothing after the last completed step was written.`,
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
            'Assign the Baton_Admin permission set (npx sf org assign permset --name Baton_Admin --target-org <org>) or use an administrator.',
            {
                cause: error
            }
        );
    }
    return new ScriptError(`${orgLabel} answered with an error: ${code ? `${code}: ` : ''}${message}`, undefined, {
        cause: error
    });
}
