import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findStaticQueries } from '../../validate/apex-soql.ts';

describe('findStaticQueries', () => {
    it('finds each [SELECT …] with its line, across lines, bind subscripts and brackets in strings, not in strings or comments', () => {
        const source = [
            'public class A {',
            "    String s = '[SELECT not a query]'; // [SELECT Id FROM Comment__c]",
            '    List<Lead> a = [SELECT Id FROM Lead WHERE Id = :ids[0]];',
            '    List<Lead> b = [',
            "        select Id FROM Lead WHERE Company = 'x]y'",
            '    ];',
            '    Object[] c = new Object[2];',
            '}'
        ].join('\n');
        assert.deepEqual(findStaticQueries(source), [
            { text: 'SELECT Id FROM Lead WHERE Id = :ids[0]', line: 3 },
            { text: "\n        select Id FROM Lead WHERE Company = 'x]y'\n    ", line: 4 }
        ]);
    });
});
