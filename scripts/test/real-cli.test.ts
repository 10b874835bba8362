/**
 * The whole path through real clients. `npm run double` (scripts/double.ts) starts the org double
 * and the project's own Salesforce CLI logs in to it (`sf org login access-token`, in an isolated
 * home); then seed and verify:conversion run with `--target-org` through the CLI's auth store and
 * @salesforce/core, as against any org. The fidelity tests hold the CLI's view of the double to
 * the platform's documented response shapes. The CLI starts slowly, so the tests run side by side.
 */
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { compareConfigRecords } from '../deploy/configRecords.ts';
import { PROJECT_ROOT } from '../lib/project.ts';
import { runSf } from '../lib/sfCli.ts';
import { freePort, isolatedCliEnv, runScript, startScript, type RunningCommand } from './support.ts';

const ALIAS = 'baton-test';
/** Longer than Node's default server keep-alive (5 s plus a 1 s buffer), which the double used to keep. */
const IDLE_MILLISECONDS = 7000;
const USERNAME = 'casey.consultant@baton.double';
const ORG_ID = /^00D[0-9A-Za-z]{15}$/;

describe('the Salesforce CLI and @salesforce/core against npm run double', { concurrency: true }, () => {
    let env: NodeJS.ProcessEnv;
    let double: RunningCommand;
    let url: string;

    /** The project's CLI with --json in the isolated home; the test fails when the command does. */
    async function sf(args: string[]): Promise<Record<string, unknown>> {
        const output = await runSf(args, PROJECT_ROOT, env);
        assert.equal(output.status, 0, JSON.stringify(output));
        return output.result as Record<string, unknown>;
    }

    before(async () => {
        env = await isolatedCliEnv();
        const port = await freePort();
        url = `http://127.0.0.1:${port}`;
        const started = performance.now();
        double = await startScript('double.ts', ['--port', String(port), '--alias', ALIAS], env, 'Ctrl-C stops');
        console.log(`npm run double with the CLI login: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    });

    after(async () => {
        const code = await double.interrupt();
        assert.equal(code, 0, double.output());
        assert.match(double.output(), /Org double stopped after \d+ API requests\./);
        await rm(env.HOME ?? '', { recursive: true, force: true });
    });

    it('prints its URL, the alias, where the login is stored and how to remove it', async () => {
        const output = double.output();
        assert.ok(output.includes(`Org double running at ${url}`), output);
        assert.ok(output.includes(`The CLI is logged in to it: alias ${ALIAS}, user ${USERNAME}.`), output);
        assert.ok(output.includes(`npm run seed -- --target-org ${ALIAS} --count 500 --history`), output);
        assert.ok(output.includes(`npx sf org logout --target-org ${ALIAS} --no-prompt`), output);
        assert.ok(output.includes(`(~/.sfdx/${USERNAME}.json)`), output);
        const stored = path.join(env.HOME ?? '', '.sfdx', `${USERNAME}.json`);
        const auth = JSON.parse(await readFile(stored, 'utf8')) as Record<string, unknown>;
        // The CLI stores the instance URL with a trailing "/" (the double must answer "//services/…").
        assert.equal(auth.instanceUrl, `${url}/`);
        assert.notEqual(auth.accessToken, undefined);
        // What the login learned from the double: the user and org ids (GET /services/oauth2/userinfo,
        // then sobjects/User/<id> for the username), not a Dev Hub (the ScratchOrgInfo query answers
        // INVALID_TYPE), the org (the Organization query) and the newest API version (GET /services/data).
        assert.deepEqual(
            [auth.username, auth.isDevHub, auth.name, auth.orgEdition, auth.isSandbox, auth.instanceApiVersion],
            [USERNAME, false, 'Baton Org Double', 'Developer Edition', true, '65.0']
        );
        assert.match(String(auth.orgId), ORG_ID);
        const aliases = JSON.parse(await readFile(path.join(env.HOME ?? '', '.sfdx', 'alias.json'), 'utf8')) as {
            orgs: Record<string, string>;
        };
        assert.equal(aliases.orgs[ALIAS], USERNAME);
    });

    it('seed and verify:conversion with --target-org go through the CLI auth store', async () => {
        const started = performance.now();
        const seeded = await runScript(
            'seed.ts',
            ['--target-org', ALIAS, '--count', '40', '--history', '--json', '--poll-interval', '5'],
            env
        );
        assert.equal(seeded.code, 0, seeded.stderr);
        const seed = JSON.parse(seeded.stdout) as {
            ok: boolean;
            org: string;
            objects: { object: string; written: number }[];
        };
        assert.equal(seed.ok, true);
        assert.equal(seed.org, `${ALIAS} (${USERNAME})`);
        assert.equal(seed.objects.find((item) => item.object === 'Lead')?.written, 40);
        // As npm run double says: take the bypass away before the conversion check (real CLI, REST delete).
        const assignment = /--sobject PermissionSetAssignment --record-id (\w+) --target-org/.exec(
            double.output()
        )?.[1];
        await sf([
            'data',
            'delete',
            'record',
            '--sobject',
            'PermissionSetAssignment',
            '--record-id',
            String(assignment),
            '--target-org',
            ALIAS
        ]);
        const verified = await runScript('verify-conversion.ts', ['--target-org', ALIAS, '--json'], env);
        assert.equal(verified.code, 0, verified.stderr);
        const verify = JSON.parse(verified.stdout) as { ok: boolean; rows: unknown[]; left: unknown[] };
        assert.equal(verify.ok, true);
        assert.ok(verify.rows.length > 30);
        assert.deepEqual(verify.left, []);
        console.log(
            `seed, bypass removed (sf data delete record), verify:conversion through the auth store: ${((performance.now() - started) / 1000).toFixed(1)} s`
        );
    });

    it('sf org display: the org id, the newest API version, a connected session, the token redacted', async () => {
        const result = await sf(['org', 'display', '--target-org', ALIAS]);
        assert.match(String(result.id), ORG_ID);
        // The newest entry of GET /services/data (REST API Developer Guide, "Versions").
        assert.equal(result.apiVersion, '65.0');
        assert.equal(result.instanceUrl, `${url}/`);
        assert.equal(result.username, USERNAME);
        assert.equal(result.alias, ALIAS);
        // "Connected" only when GET /services/data/vXX.X ("Resources by Version") answers.
        assert.equal(result.connectedStatus, 'Connected');
        // What the scripts used to read as the access token (they now read the auth store).
        assert.match(String(result.accessToken), /^\[REDACTED\]/);
    });

    it("the deploy's reading of Baton's configuration: sf sobject describe and SOQL on custom metadata", async () => {
        // A type the org lacks (Baton before its first deploy): the REST describe's 404, as the CLI reports it.
        const missing = await runSf(
            ['sobject', 'describe', '--sobject', 'Baton_Not_Deployed__mdt', '--target-org', ALIAS],
            PROJECT_ROOT,
            env
        );
        assert.deepEqual([missing.status, missing.name], [1, 'NOT_FOUND'], JSON.stringify(missing));
        const described = await sf([
            'sobject',
            'describe',
            '--sobject',
            'Lead_Handoff_Setting__mdt',
            '--target-org',
            ALIAS
        ]);
        const fields = described.fields as { name: string; type: string }[];
        assert.deepEqual(
            ['DeveloperName', 'MQL_Fit_Threshold__c', 'Automation_Enabled__c'].map(
                (name) => fields.find((field) => field.name === name)?.type
            ),
            ['string', 'double', 'boolean']
        );
        // The double holds the project's records, so the deploy would undo nothing.
        const comparison = await compareConfigRecords(
            { sf: (args) => runSf(args, PROJECT_ROOT, env), targetOrg: ALIAS },
            PROJECT_ROOT
        );
        assert.deepEqual(comparison.changes, []);
    });

    it('sf data create record and sf data query: the REST create and query response shapes', async () => {
        const record = (await sf([
            'data',
            'create',
            'record',
            '--target-org',
            ALIAS,
            '--sobject',
            'Lead',
            '--values',
            "LastName='Fidelity' Company='Real Clients Inc' Email=fidelity@example.com"
        ])) as { id: string; success: boolean; errors: unknown[] };
        // REST API Developer Guide, "Create a Record": { id, success, errors }.
        assert.deepEqual(Object.keys(record).sort(), ['errors', 'id', 'success']);
        assert.match(record.id, /^00Q[0-9A-Za-z]{15}$/);
        assert.equal(record.success, true);
        assert.deepEqual(record.errors, []);

        const { totalSize, done, records } = (await sf([
            'data',
            'query',
            '--target-org',
            ALIAS,
            '--query',
            `SELECT Id, LastName, Company, Owner.Name FROM Lead WHERE Id = '${record.id}'`
        ])) as {
            totalSize: number;
            done: boolean;
            records: Record<string, unknown>[];
        };
        // REST API Developer Guide, "Execute a SOQL Query": totalSize, done, records with attributes.
        assert.equal(totalSize, 1);
        assert.equal(done, true);
        assert.deepEqual(records[0], {
            attributes: { type: 'Lead', url: `/services/data/v65.0/sobjects/Lead/${record.id}` },
            Id: record.id,
            LastName: 'Fidelity',
            Company: 'Real Clients Inc',
            Owner: {
                attributes: { type: 'User', url: `/services/data/v65.0/sobjects/User/005000000000001AAA` },
                Name: 'Casey Consultant'
            }
        });
    });

    it('sf data upsert bulk: a Bulk API 2.0 job as the guide describes it, and its results', async () => {
        const file = path.join(env.HOME ?? '', 'campaigns.csv');
        await writeFile(file, 'Name,Baton_Seed_Key__c\nFidelity A,FID-A\nFidelity B,FID-B\n');
        const { jobInfo, records } = (await sf([
            'data',
            'upsert',
            'bulk',
            '--target-org',
            ALIAS,
            '--sobject',
            'Campaign',
            '--file',
            file,
            '--external-id',
            'Baton_Seed_Key__c',
            '--wait',
            '1'
        ])) as {
            jobInfo: Record<string, unknown>;
            records: { successfulResults: Record<string, string>[]; failedResults: unknown[] };
        };
        // Bulk API 2.0 Developer Guide, "Get Information About an Ingest Job".
        for (const [key, type] of Object.entries({
            id: 'string',
            operation: 'string',
            object: 'string',
            createdById: 'string',
            createdDate: 'string',
            systemModstamp: 'string',
            state: 'string',
            externalIdFieldName: 'string',
            concurrencyMode: 'string',
            contentType: 'string',
            apiVersion: 'number',
            jobType: 'string',
            lineEnding: 'string',
            columnDelimiter: 'string',
            numberRecordsProcessed: 'number',
            numberRecordsFailed: 'number',
            retries: 'number',
            totalProcessingTime: 'number',
            apiActiveProcessingTime: 'number',
            apexProcessingTime: 'number'
        })) {
            assert.equal(typeof jobInfo[key], type, `jobInfo.${key}`);
        }
        assert.match(String(jobInfo.id), /^750[0-9A-Za-z]{15}$/);
        assert.deepEqual(
            [jobInfo.operation, jobInfo.object, jobInfo.state, jobInfo.jobType, jobInfo.contentType],
            ['upsert', 'Campaign', 'JobComplete', 'V2Ingest', 'CSV']
        );
        assert.equal(jobInfo.numberRecordsProcessed, 2);
        // "Get Job Successful Record Results": sf__Id, sf__Created, then the uploaded columns.
        assert.deepEqual(
            records.successfulResults.map((row) => [Object.keys(row), row.sf__Created, row.Name]),
            [
                [['sf__Id', 'sf__Created', 'Name', 'Baton_Seed_Key__c'], 'true', 'Fidelity A'],
                [['sf__Id', 'sf__Created', 'Name', 'Baton_Seed_Key__c'], 'true', 'Fidelity B']
            ]
        );
        assert.deepEqual(records.failedResults, []);
    });

    it('keeps an idle connection open until the client closes it', async () => {
        // A client busy for seconds between calls (building a large CSV) still holds its idle
        // connection as reusable; a server that closed it meanwhile made the next POST fail with
        // UND_ERR_SOCKET, which jsforce does not retry. Two requests, seconds apart, on one socket:
        const socket = connect(Number(new URL(url).port), '127.0.0.1');
        let received = '';
        socket.on('data', (chunk: Buffer) => {
            received += chunk.toString();
        });
        const request = async (): Promise<string> => {
            received = '';
            socket.write('GET /services/data HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
            // The double's answers are chunked: the last chunk is "0" and an empty line.
            const deadline = Date.now() + 5000;
            while (!received.endsWith('\r\n0\r\n\r\n') && !socket.destroyed && Date.now() < deadline) {
                await sleep(20);
            }
            return received.split('\r\n')[0] ?? '';
        };
        try {
            assert.equal(await request(), 'HTTP/1.1 401 Unauthorized');
            assert.doesNotMatch(received, /keep-alive: timeout/i, 'no idle timeout announced');
            await sleep(IDLE_MILLISECONDS);
            assert.equal(socket.destroyed, false, 'the double closed the idle connection');
            assert.equal(await request(), 'HTTP/1.1 401 Unauthorized');
        } finally {
            socket.destroy();
        }
    });
});
