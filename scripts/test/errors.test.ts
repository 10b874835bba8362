import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explainError } from '../lib/errors.ts';

/** What jsforce hands on when undici loses a connection: fetch failed ← SocketError with the socket's addresses. */
function droppedConnection(remoteAddress: string): Error {
    const socketError = Object.assign(new Error('other side closed'), {
        code: 'UND_ERR_SOCKET',
        socket: { remoteAddress, remotePort: 443 }
    });
    return new TypeError('fetch failed', { cause: socketError });
}

describe('transport failures', () => {
    it('a dropped connection to a server on this machine names it, not the network', () => {
        for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
            const error = explainError(droppedConnection(address), 'baton-double', 'log in');
            assert.equal(
                error.message,
                `baton-double is a server on this machine (${address}), and it dropped the connection (UND_ERR_SOCKET). Nothing after the last completed step was written.`
            );
            assert.match(
                error.hint ?? '',
                /^Not the network: check that the server \(the org double of npm run double/
            );
        }
    });

    it('a refused connection on this machine says nothing is listening', () => {
        const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:7065'), {
            code: 'ECONNREFUSED',
            address: '127.0.0.1'
        });
        assert.match(
            explainError(new TypeError('fetch failed', { cause: refused }), 'baton-double', 'log in').message,
            /is a server on this machine \(127\.0\.0\.1\), and it is not listening \(ECONNREFUSED\)/
        );
    });

    it('a remote org that cannot be reached points at the network or VPN', () => {
        const error = explainError(droppedConnection('203.0.113.7'), 'acme-uat', 'log in');
        assert.match(error.message, /^Could not reach acme-uat \(UND_ERR_SOCKET\)/);
        assert.match(error.hint ?? '', /Check the network or VPN/);
    });
});
