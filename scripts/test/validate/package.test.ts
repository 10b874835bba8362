import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { packageCheck } from '../../validate/check-package.ts';
import { located, runCheckOn } from './fixtures.ts';

describe('check 6: package structure', () => {
    it('reports a TypeScript source that .forceignore lets into the package, at its source path', async () => {
        const report = await runCheckOn('typescript-leak', packageCheck);
        assert.deepEqual(located(report.problems), [
            'force-app/main/default/lwc/slaClock/slaClock.ts:-: TypeScript source would be deployed; add it to .forceignore'
        ]);
    });
});
