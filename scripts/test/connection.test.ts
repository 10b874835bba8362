/**
 * How the scripts authenticate: through @salesforce/core's auth store (a login the CLI or core
 * stored, refreshed by core when it holds a refresh token), or a session from SF_INSTANCE_URL and
 * SF_ACCESS_TOKEN that must look like an access token before anything is sent.
 */
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { checkAccessToken, connect } from '../lib/connection.ts';
import { OrgDouble, REFRESH_TOKEN } from '../org-double/server.ts';
import { seed } from '../seed.ts';
import { baseSeedOptions, capture, isolatedCliEnv, runScript } from './support.ts';

const REDACTED = "[REDACTED] Use 'sf org auth show-access-token' to view";

describe('access tokens that are not tokens', () => {
    it('refuses a redacted, a multi-line or a malformed SF_ACCESS_TOKEN before sending anything', async () => {
        const double = await OrgDouble.start();
        try {
            const cases = [
                [REDACTED, /SF_ACCESS_TOKEN holds the redacted placeholder the Salesforce CLI prints/],
                [`${double.accessToken}\n`, /SF_ACCESS_TOKEN contains spaces or line breaks/],
                ['secret', /SF_ACCESS_TOKEN is not an access token \(a Salesforce access token is the org ID/]
            ] as const;
            const results = await Promise.all(
                cases.map(([token]) =>
                    runScript('seed.ts', ['--count', '5'], { SF_INSTANCE_URL: double.url, SF_ACCESS_TOKEN: token })
                )
            );
            results.forEach((result, index) => {
                assert.equal(result.code, 1, result.stderr);
                assert.match(result.stderr, cases[index]?.[1] ?? /./);
                assert.match(result.stderr, /npx sf org auth show-access-token --target-org <alias>/);
                assert.doesNotMatch(result.stderr, /\n\s+at /);
            });
            assert.equal(double.requestCount, 0, 'nothing reached the org');
        } finally {
            await double.stop();
        }
    });

    it('accepts the two forms the CLI accepts: <org id>!<session> and a JWT', async () => {
        await checkAccessToken('00D000000000001!AQ.session', 'token', 'fix');
        const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
        await checkAccessToken(`${part({ typ: 'JWT' })}.${part({ sub: 'x' })}.c2ln`, 'token', 'fix');
        await assert.rejects(checkAccessToken('00D000000000001', 'token', 'fix'), /token is not an access token/);
    });
});

describe('logins stored in the auth store (isolated home)', () => {
    let double: OrgDouble;
    let home: string;

    before(async () => {
        const env = await isolatedCliEnv();
        home = env.HOME ?? '';
        // @salesforce/core reads the home directory when it is used, not when it is loaded.
        Object.assign(process.env, { HOME: home, SF_USE_GENERIC_UNIX_KEYCHAIN: 'true', SF_DISABLE_TELEMETRY: 'true' });
        double = await OrgDouble.start({ assignedPermissionSets: ['Baton_Admin', 'Baton_Bypass_Automation'] });
    });

    after(async () => {
        await double.stop();
        await rm(home, { recursive: true, force: true });
    });

    /** Each test stores its own login (the double's user is always the same username). */
    async function emptyAuthStore(): Promise<typeof import('@salesforce/core')> {
        const core = await import('@salesforce/core');
        await (await core.AuthRemover.create()).removeAllAuths();
        return core;
    }

    it('a web-style login (refresh token): core refreshes the expired session and the seed carries on', async () => {
        const { AuthInfo } = await emptyAuthStore();
        // What `sf org login web` stores, made through core's own refresh-token flow against the double.
        const authInfo = await AuthInfo.create({
            oauth2Options: { refreshToken: REFRESH_TOKEN, loginUrl: double.url, clientId: 'PlatformCLI' }
        });
        await authInfo.save();
        await authInfo.setAlias('web-login');
        double.expireSession();
        const before = double.requests.filter((request) => request === 'POST /services/oauth2/token').length;
        const report = await seed({ targetOrg: 'web-login' }, baseSeedOptions(20, false), capture());
        assert.equal(report.ok, true);
        assert.equal(report.org, 'web-login (casey.consultant@baton.double)');
        assert.equal(
            double.requests.filter((request) => request === 'POST /services/oauth2/token').length,
            before + 1,
            'one refresh'
        );
    });

    it('an access-token login: an expired session says to log in again with the alias', async () => {
        const { AuthInfo } = await emptyAuthStore();
        const token = double.renewSession();
        const authInfo = await AuthInfo.create({
            accessTokenOptions: { accessToken: token, instanceUrl: double.url, loginUrl: double.url }
        });
        await authInfo.save();
        await authInfo.setAlias('token-login');
        const org = await connect({ targetOrg: 'token-login' });
        assert.equal(org.conn.version, '65.0', "the project's sourceApiVersion");
        double.expireSession();
        await assert.rejects(
            seed({ targetOrg: 'token-login' }, baseSeedOptions(5, false), capture()),
            (error: Error & { hint?: string }) => {
                assert.match(error.message, /session for token-login \(casey\.consultant@baton\.double\) has expired/);
                assert.equal(error.hint, 'Log in again: npx sf org login web --alias token-login');
                return true;
            }
        );
    });

    it('names an alias the auth store does not know and how to log in', async () => {
        await assert.rejects(connect({ targetOrg: 'no-such-org' }), (error: Error & { hint?: string }) => {
            assert.equal(
                error.message,
                'Unknown org "no-such-org": the Salesforce CLI has no login with that alias or username.'
            );
            assert.match(error.hint ?? '', /npx sf org login web --alias no-such-org/);
            return true;
        });
    });
});
