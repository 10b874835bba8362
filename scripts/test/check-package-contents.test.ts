import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkPackageContents, findDevelopmentFiles } from '../check-package-contents.ts';
import { PROJECT_ROOT } from '../lib/project.ts';

describe('findDevelopmentFiles', () => {
    it('flags TypeScript, tsconfig, tests and lint configs and nothing else', () => {
        const found = findDevelopmentFiles([
            'lwc/slaClock/slaClock.js',
            'lwc/slaClock/slaClock.js-meta.xml',
            'lwc/slaClock/slaClock.ts',
            'lwc/tsconfig.json',
            'lwc/slaClock/__tests__/data/clock.json',
            'lwc/other/other.test.js',
            'lwc/.eslintrc.json',
            'classes/TsvParser.cls',
            'package.xml'
        ]);
        assert.deepEqual(
            found.map(({ file }) => file),
            [
                'lwc/slaClock/slaClock.ts',
                'lwc/tsconfig.json',
                'lwc/slaClock/__tests__/data/clock.json',
                'lwc/other/other.test.js',
                'lwc/.eslintrc.json'
            ]
        );
    });
});

describe('checkPackageContents (real sf project convert source)', () => {
    let fixture: string;

    before(async () => {
        // A minimal project with one TypeScript component bundle and its test, like Baton's own.
        fixture = await mkdtemp(path.join(tmpdir(), 'baton-package-fixture-'));
        await cp(
            path.join(PROJECT_ROOT, 'force-app', 'main', 'default', 'lwc', 'slaClock'),
            path.join(fixture, 'force-app', 'main', 'default', 'lwc', 'slaClock'),
            {
                recursive: true
            }
        );
        await writeFile(
            path.join(fixture, 'force-app', 'main', 'default', 'lwc', 'slaClock', 'slaClock.js'),
            'export const x = 1;\n'
        );
        await writeFile(
            path.join(fixture, 'sfdx-project.json'),
            JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }], sourceApiVersion: '65.0' })
        );
    });

    after(async () => {
        await rm(fixture, { recursive: true, force: true });
    });

    it('reports the TypeScript source and test when .forceignore does not exclude them', async () => {
        await writeFile(path.join(fixture, '.forceignore'), 'package.xml\n');
        const [result] = await checkPackageContents(fixture);
        assert.ok(result);
        assert.deepEqual(
            result.developmentFiles.map(({ file }) => file),
            ['lwc/slaClock/__tests__/slaClock.test.ts', 'lwc/slaClock/slaClock.ts']
        );
    });

    it('is clean with the project .forceignore', async () => {
        await cp(path.join(PROJECT_ROOT, '.forceignore'), path.join(fixture, '.forceignore'));
        const [result] = await checkPackageContents(fixture);
        assert.ok(result);
        assert.deepEqual(result.developmentFiles, []);
        assert.deepEqual(result.files, [
            'lwc/slaClock/slaClock.js',
            'lwc/slaClock/slaClock.js-meta.xml',
            'package.xml'
        ]);
    });

    it('fails with the CLI message when a package directory does not exist', async () => {
        await writeFile(
            path.join(fixture, 'sfdx-project.json'),
            JSON.stringify({ packageDirectories: [{ path: 'missing-dir', default: true }], sourceApiVersion: '65.0' })
        );
        await assert.rejects(checkPackageContents(fixture), /sf project convert source .* failed/);
    });
});
