/** What the org double answers the CLI and @salesforce/core before any data (identity.ts, columns.ts). */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OrgDouble, REFRESH_TOKEN } from '../org-double/server.ts';

describe('org double: login and connection resources', () => {
    let double: OrgDouble;
    const get = async (path: string, token = double.accessToken): Promise<{ status: number; body: unknown }> => {
        const response = await fetch(`${double.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
        return { status: response.status, body: await response.json() };
    };

    before(async () => {
        double = await OrgDouble.start();
    });
    after(() => double.stop());

    it('lists the API versions with their release names, oldest served first, newest the project’s', async () => {
        const { status, body } = await get('/services/data');
        assert.equal(status, 200);
        const versions = body as { label: string; url: string; version: string }[];
        assert.deepEqual(versions[0], { label: "Summer '14", url: '/services/data/v31.0', version: '31.0' });
        assert.deepEqual(versions.at(-1), { label: "Winter '26", url: '/services/data/v65.0', version: '65.0' });
        assert.deepEqual(versions.find((item) => item.version === '51.0')?.label, "Spring '21");
        // The CLI's stored instance URL ends in "/": its requests start with "//".
        assert.deepEqual((await get('//services/data/v65.0')).body, (await get('/services/data/v65.0/')).body);
    });

    it('answers userinfo with the user and org ids and the API endpoints', async () => {
        const { body } = await get('/services/oauth2/userinfo');
        const info = body as Record<string, unknown>;
        assert.equal(info.user_id, '005000000000001AAA');
        assert.match(String(info.organization_id), /^00D[0-9A-Za-z]{15}$/);
        assert.equal(info.preferred_username, 'casey.consultant@baton.double');
        assert.equal(info.sub, `${double.url}/id/${String(info.organization_id)}/005000000000001AAA`);
        assert.equal((info.urls as Record<string, string>).rest, `${double.url}/services/data/v65.0/`);
        assert.equal((await get('/services/oauth2/userinfo', 'nope')).status, 401);
    });

    it('grants a new session for the refresh token only, and the old token stops working', async () => {
        const grant = (refreshToken: string): Promise<Response> =>
            fetch(`${double.url}/services/oauth2/token`, {
                method: 'POST',
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
                body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'x' })
            });
        const refused = await grant('not-the-token');
        assert.equal(refused.status, 400);
        assert.deepEqual(await refused.json(), {
            error: 'invalid_grant',
            error_description: 'expired access/refresh token'
        });
        const before = double.accessToken;
        const granted = (await (await grant(REFRESH_TOKEN)).json()) as Record<string, string>;
        assert.equal(granted.access_token, double.accessToken);
        assert.notEqual(granted.access_token, before);
        assert.equal(granted.instance_url, double.url);
        assert.equal(granted.token_type, 'Bearer');
        assert.equal((await get('/services/data/v65.0/limits', before)).status, 401);
    });

    it('counts the day’s API requests in limits', async () => {
        type Limits = { DailyApiRequests: { Max: number; Remaining: number } };
        const first = (await get('/services/data/v65.0/limits')).body as Limits;
        const second = (await get('/services/data/v65.0/limits')).body as Limits;
        assert.equal(first.DailyApiRequests.Max, 15_000);
        assert.equal(first.DailyApiRequests.Remaining - second.DailyApiRequests.Remaining, 1);
    });

    it('describes a query’s columns without running it (query?columns=true, as sf data query asks)', async () => {
        const soql = 'SELECT Id, lastname, Owner.Name, COUNT(Id) cnt FROM Lead';
        const { body } = await get(`/services/data/v65.0/query?q=${encodeURIComponent(soql)}&columns=true`);
        assert.deepEqual(body, {
            columnMetadata: [
                { aggregate: false, columnName: 'Id', displayName: 'Id', joinColumns: [] },
                { aggregate: false, columnName: 'LastName', displayName: 'LastName', joinColumns: [] },
                {
                    aggregate: false,
                    columnName: 'Owner',
                    displayName: 'Owner',
                    joinColumns: [{ aggregate: false, columnName: 'Name', displayName: 'Name', joinColumns: [] }]
                },
                { aggregate: true, columnName: 'cnt', displayName: 'COUNT(Id)', joinColumns: [] }
            ],
            entityName: 'Lead',
            groupBy: false,
            idSelected: true,
            keyPrefixes: ['00Q']
        });
    });

    it('answers a query on an object the org does not have with INVALID_TYPE, as for ScratchOrgInfo outside a Dev Hub', async () => {
        const { status, body } = await get(
            `/services/data/v51.0/query?q=${encodeURIComponent('SELECT Id FROM ScratchOrgInfo')}`
        );
        assert.equal(status, 400);
        assert.equal((body as { errorCode: string }[])[0]?.errorCode, 'INVALID_TYPE');
    });
});
