import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../lib/project.ts';
import { parseDate, parseDatetime, parseNumber } from '../lib/criteria/values.ts';
import { loadVectors } from '../lib/criteria/vectors.ts';

const RULES = path.join(PROJECT_ROOT, 'force-app/main/default/objects/Lead_Stage_Criterion__mdt/validationRules');
const ORDERING = ['Greater Than', 'Greater Or Equal', 'Less Than', 'Less Or Equal'];

async function formulaOf(rule: string): Promise<string> {
    const xml = await readFile(path.join(RULES, `${rule}.validationRule-meta.xml`), 'utf8');
    const formula = /<errorConditionFormula\s*>([\s\S]*?)<\/errorConditionFormula>/.exec(xml)?.[1];
    assert.ok(formula, `${rule} has a formula`);
    return formula.replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
}

/**
 * The REGEX of the validation rule as a JavaScript expression. Salesforce's REGEX matches the whole text
 * with Java's syntax, backslashes doubled inside the formula's string (Salesforce Help, "REGEX"); the
 * constructs used here (classes, groups, \d, \xhh, a lookahead) mean the same in JavaScript.
 */
async function orderingValuePattern(): Promise<RegExp> {
    const formula = await formulaOf('Ordering_Value_Is_Number_Or_Date');
    const literal = /REGEX\(Value__c, '((?:[^'\\]|\\.)*)'\)/.exec(formula)?.[1];
    assert.ok(literal, 'the rule tests Value__c with REGEX');
    return new RegExp(`^(?:${literal.replaceAll('\\\\', '\\')})$`);
}

const enginesRead = (value: string): boolean =>
    [parseNumber(value), parseDate(value), parseDatetime(value)].some((parsed) => parsed !== undefined);

describe('Lead_Stage_Criterion__mdt validation rules follow the criteria contract', () => {
    it('accepts exactly the ordering values the engines read (numbers, dates, datetimes) and refuses the rest', async () => {
        const pattern = await orderingValuePattern();
        const vectors = await loadVectors();
        const fromVectors = vectors.cases.flatMap((vector) =>
            vector.rules
                .filter((rule) => ORDERING.includes(rule.Operator__c ?? '') && rule.Value__c)
                .map((rule) => rule.Value__c as string)
        );
        const edges = [
            '50',
            '-1.5',
            '+2',
            '5.',
            '.5',
            '+.5',
            ' 50 ',
            '\t50\n',
            '\u00a050',
            '50\u2003',
            '5E+1',
            '1e6',
            '0x32',
            '1,000',
            '-',
            '.',
            '',
            'Infinity',
            '2026-02-01',
            '2028-02-29',
            '2027-02-29',
            '1900-02-29',
            '2000-02-29',
            '2026-04-31',
            '0000-01-01',
            '0001-01-01',
            '9999-12-31',
            '10000-01-01',
            '2026-1-01',
            '2026-11-27T10:00:00.000+0000',
            '2026-11-27T10:00:00Z',
            '2026-11-27T10:00Z',
            '2026-11-27T10:00:00.123456789+05:30',
            '2026-11-27T10:00:00+14:00',
            '2026-11-27T10:00:00-1400',
            '2026-11-27T10:00:00+14:01',
            '2026-11-27T10:00:00+05:60',
            '2026-11-27T24:00:00Z',
            '2026-11-27T10:60:00Z',
            '2026-11-27T10:00:60Z',
            '2026-11-27T10:00:00',
            '2026-11-27 10:00:00Z',
            '2026-11-27t10:00:00z'
        ];
        const leapDays = Array.from({ length: 2500 }, (_, index) => `${String(index).padStart(4, '0')}-02-29`);
        const disagreements = [...fromVectors, ...edges, ...leapDays].filter(
            (value) => pattern.test(value) !== enginesRead(value)
        );
        assert.deepEqual(disagreements, []);
        assert.ok(
            fromVectors.some((value) => parseDate(value) !== undefined),
            'date ordering values are saved'
        );
    });

    it('allows negative whole points and refuses fractional ones', async () => {
        const formula = await formulaOf('Points_Whole_Number');
        assert.equal(formula, 'NOT(ISBLANK(Points__c)) && Points__c <> FLOOR(Points__c)');
        const field = await readFile(
            path.join(
                PROJECT_ROOT,
                'force-app/main/default/objects/Lead_Stage_Criterion__mdt/fields/Points__c.field-meta.xml'
            ),
            'utf8'
        );
        assert.match(field, /<scale>0<\/scale>/);
        const others = (await readdir(RULES))
            .map((file) => file.replace('.validationRule-meta.xml', ''))
            .filter((rule) => rule !== 'Points_Whole_Number');
        const formulas = await Promise.all(others.map(formulaOf));
        assert.ok(
            formulas.every((text) => !text.includes('Points__c')),
            'no other rule limits points'
        );
    });
});
