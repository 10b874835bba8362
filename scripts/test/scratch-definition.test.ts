/**
 * A scratch org must behave like the orgs Baton is deployed to: its definition carries the lead settings that
 * org-settings deploys (LeadConfigSettings), so the Apex tests that convert leads run with conversion triggers
 * from the first deploy, before org-settings is deployed.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../lib/project.ts';
import { parseXml } from '../validate/xml.ts';

describe('config/project-scratch-def.json', () => {
    it('sets every LeadConfigSettings field org-settings sets, to the same value', async () => {
        const definition = JSON.parse(
            await readFile(path.join(PROJECT_ROOT, 'config/project-scratch-def.json'), 'utf8')
        ) as { settings: { leadConfigSettings?: Record<string, boolean> } };
        const parsed = parseXml(
            await readFile(
                path.join(PROJECT_ROOT, 'org-settings/main/default/settings/LeadConfig.settings-meta.xml'),
                'utf8'
            )
        );
        assert.ok('root' in parsed, 'LeadConfig.settings-meta.xml parses');
        const deployed = Object.fromEntries(parsed.root.children.map((child) => [child.name, child.text === 'true']));
        assert.equal(deployed.shouldLeadConvertRequireValidation, true, 'conversion runs Lead triggers');
        assert.deepEqual(definition.settings.leadConfigSettings, deployed);
    });
});
