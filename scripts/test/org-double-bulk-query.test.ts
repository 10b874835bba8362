/**
 * Bulk API 2.0 query in the org double, held to the Bulk API 2.0 and Bulk API Developer Guide ("Create a
 * Query Job", "Get Information About a Query Job", "Get Results for a Query Job", "Use Compression for Bulk
 * API 2.0 Query Responses") and to real clients: jsforce's own Bulk API 2.0 query reads what it serves.
 */
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { CsvRowReader } from '../lib/csvStream.ts';
import { OrgDouble } from '../org-double/server.ts';
import { javaDoubleText } from '../org-double/values.ts';
import { jsforceTo } from './support.ts';

const VERSION = '65.0';

describe('org double: Bulk API 2.0 query jobs', () => {
    let double: OrgDouble;
    const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
        fetch(`${double.url}${path}`, {
            method,
            headers: {
                Authorization: `Bearer ${double.accessToken}`,
                'Content-Type': 'application/json',
                'Accept-Encoding': 'identity',
                ...headers
            },
            ...(body === undefined ? {} : { body: JSON.stringify(body) })
        });
    const create = async (query: string, extra: Record<string, unknown> = {}) =>
        call('POST', `/services/data/v${VERSION}/jobs/query`, { operation: 'query', query, ...extra });
    const results = (id: string, query = '', version = VERSION) =>
        call('GET', `/services/data/v${version}/jobs/query/${id}/results${query}`, undefined, { Accept: 'text/csv' });

    before(async () => {
        double = await OrgDouble.start();
        const { store } = double.state;
        const queue = double.addQueue('SDR_Queue');
        store.load('Lead', {
            LastName: 'Quote',
            Name: 'Ann "The Closer" Quote',
            Company: 'Acme, Inc.',
            Description: 'two\nlines',
            NumberOfEmployees: 250,
            AnnualRevenue: 16147805824397,
            Engagement_Score__c: 48,
            Demo_Requested__c: true,
            MQL_Date__c: '2026-03-02T10:15:00.000+0000',
            OwnerId: queue
        });
        for (let index = 1; index <= 24; index++) {
            store.load('Lead', { LastName: `Lead ${index}`, Name: `Lead ${index}`, Company: 'Co' });
        }
    });
    after(() => double.stop());

    it('creates a job from operation and query, answering with the job queued (Create a Query Job)', async () => {
        const response = await create('SELECT Id FROM Lead', { operation: 'queryAll' });
        assert.equal(response.status, 200);
        const job = (await response.json()) as Record<string, unknown>;
        assert.match(String(job.id), /^750[A-Za-z0-9]{15}$/);
        assert.deepEqual(
            { ...job, id: undefined, createdDate: undefined, systemModstamp: undefined },
            {
                id: undefined,
                operation: 'queryAll',
                object: 'Lead',
                createdById: double.state.store.currentUserId,
                createdDate: undefined,
                systemModstamp: undefined,
                state: 'UploadComplete',
                concurrencyMode: 'Parallel',
                contentType: 'CSV',
                apiVersion: 65,
                lineEnding: 'LF',
                columnDelimiter: 'COMMA'
            }
        );
        const info = (await (await call('GET', `/services/data/v${VERSION}/jobs/query/${String(job.id)}`)).json()) as {
            state: string;
            jobType: string;
            numberRecordsProcessed: number;
        };
        assert.deepEqual([info.state, info.jobType, info.numberRecordsProcessed], ['JobComplete', 'V2Query', 25]);
    });

    it('pages results by maxRecords and Sforce-Locator, "null" after the last set; a locator reads its set again', async () => {
        const job = (await (await create('SELECT Name FROM Lead')).json()) as { id: string };
        const sets: { count: string | null; locator: string | null; rows: number }[] = [];
        let locator: string | null = null;
        do {
            const response = await results(job.id, `?maxRecords=10${locator ? `&locator=${locator}` : ''}`);
            assert.equal(response.status, 200);
            assert.match(response.headers.get('content-type') ?? '', /text\/csv/);
            locator = response.headers.get('sforce-locator');
            const lines = (await response.text()).trimEnd().split('\n');
            sets.push({ count: response.headers.get('sforce-numberofrecords'), locator, rows: lines.length - 1 });
        } while (locator !== 'null');
        assert.deepEqual(
            sets.map(({ count, rows }) => [count, rows]),
            [
                ['10', 10],
                ['10', 10],
                ['5', 5]
            ]
        );
        // The locator is an opaque string ("MTAwMDA" in the guide's example is base64 of 10000).
        assert.equal(sets[0]?.locator, 'MTA');
        const again = await (await results(job.id, '?maxRecords=10&locator=MTA')).text();
        const first = await (await results(job.id, '?maxRecords=10&locator=MTA')).text();
        assert.equal(again, first);
        const whole = await results(job.id);
        assert.deepEqual(
            [whole.headers.get('sforce-numberofrecords'), whole.headers.get('sforce-locator')],
            ['25', 'null']
        );
    });

    it('writes CSV as the platform does: every value quoted, header in SELECT order, nulls empty, relationship columns', async () => {
        const job = (await (
            await create(
                "SELECT name, Company, Description, NumberOfEmployees, AnnualRevenue, Engagement_Score__c, Demo_Requested__c, MQL_Date__c, Owner.Name, Title, IsConverted FROM Lead WHERE LastName = 'Quote'"
            )
        ).json()) as { id: string };
        const text = await (await results(job.id)).text();
        assert.equal(
            text,
            [
                '"Name","Company","Description","NumberOfEmployees","AnnualRevenue","Engagement_Score__c","Demo_Requested__c","MQL_Date__c","Owner.Name","Title","IsConverted"',
                '"Ann ""The Closer"" Quote","Acme, Inc.","two\nlines","250","1.6147805824397E13","48.0","true","2026-03-02T10:15:00.000Z","SDR_Queue","","false"',
                ''
            ].join('\n')
        );
        const reader = new CsvRowReader();
        assert.deepEqual(reader.push(text)[1]?.slice(0, 3), ['Ann "The Closer" Quote', 'Acme, Inc.', 'two\nlines']);
    });

    it('honours lineEnding CRLF and a columnDelimiter', async () => {
        const job = (await (
            await create("SELECT LastName, Company FROM Lead WHERE LastName = 'Lead 1'", {
                lineEnding: 'CRLF',
                columnDelimiter: 'PIPE'
            })
        ).json()) as { id: string };
        assert.equal(await (await results(job.id)).text(), '"LastName"|"Company"\r\n"Lead 1"|"Co"\r\n');
    });

    it('writes numbers as Java writes a double (forcedotcom/cli#3367, forcedotcom/dataloader#1204)', () => {
        assert.deepEqual([16147805824397, 99213206, 9e7, 48, 0.001, 0.0001, -2.5].map(javaDoubleText), [
            '1.6147805824397E13',
            '9.9213206E7',
            '9.0E7',
            '48.0',
            '0.001',
            '1.0E-4',
            '-2.5'
        ]);
    });

    it('compresses a set for a client that accepts gzip', async () => {
        const job = (await (await create('SELECT LastName FROM Lead')).json()) as { id: string };
        const plain = await (await results(job.id)).text();
        const response = await fetch(`${double.url}/services/data/v${VERSION}/jobs/query/${job.id}/results`, {
            headers: { Authorization: `Bearer ${double.accessToken}`, 'Accept-Encoding': 'gzip' }
        });
        assert.equal(response.headers.get('content-encoding'), 'gzip');
        // fetch decompresses what it asked for.
        assert.equal(await response.text(), plain);
        // On the wire, the set is gzip data.
        const raw = await new Promise<Buffer>((resolve, reject) => {
            const chunks: Buffer[] = [];
            const headers = { Authorization: `Bearer ${double.accessToken}`, 'Accept-Encoding': 'gzip' };
            get(`${double.url}/services/data/v${VERSION}/jobs/query/${job.id}/results`, { headers }, (message) => {
                message.on('data', (chunk: Buffer) => {
                    chunks.push(chunk);
                });
                message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }).on('error', reject);
        });
        assert.equal(gunzipSync(raw).toString('utf8'), plain);
    });

    it('refuses bad SOQL and what Bulk API 2.0 query does not support when the job is created', async () => {
        const refusals = await Promise.all(
            [
                'SELECT Id FORM Lead',
                'SELECT Nope__c FROM Lead',
                'SELECT Id FROM Nope__c',
                'SELECT COUNT() FROM Lead',
                'SELECT Id, (SELECT Id FROM CampaignMembers) FROM Lead',
                'SELECT LeadSource FROM Lead GROUP BY LeadSource',
                'SELECT Id FROM Lead OFFSET 5'
            ].map(async (query) => {
                const response = await create(query);
                const [error] = (await response.json()) as { errorCode: string; message: string }[];
                return `${response.status} ${error?.errorCode ?? ''}`;
            })
        );
        assert.deepEqual(refusals, [
            '400 MALFORMED_QUERY',
            '400 INVALID_FIELD',
            '400 INVALID_TYPE',
            '400 API_ERROR',
            '400 API_ERROR',
            '400 API_ERROR',
            '400 API_ERROR'
        ]);
        const operation = await call('POST', `/services/data/v${VERSION}/jobs/query`, {
            operation: 'insert',
            query: 'SELECT Id FROM Lead'
        });
        assert.equal(operation.status, 400);
    });

    it('gives results only to the API version that created the job (409), and forgets a deleted job', async () => {
        const job = (await (await create('SELECT Id FROM Lead')).json()) as { id: string };
        assert.equal((await results(job.id, '', '64.0')).status, 409);
        assert.equal((await call('DELETE', `/services/data/v${VERSION}/jobs/query/${job.id}`)).status, 204);
        assert.equal((await results(job.id)).status, 404);
    });

    it('is read by jsforce’s own Bulk API 2.0 query client', async () => {
        const conn = jsforceTo(double, VERSION);
        const records = (await (
            await conn.bulk2.query("SELECT Name, AnnualRevenue, Owner.Name FROM Lead WHERE Company != 'Co'", {
                pollInterval: 5,
                pollTimeout: 5000
            })
        ).toArray()) as Record<string, string>[];
        assert.deepEqual(records, [
            { Name: 'Ann "The Closer" Quote', AnnualRevenue: '1.6147805824397E13', 'Owner.Name': 'SDR_Queue' }
        ]);
    });
});
