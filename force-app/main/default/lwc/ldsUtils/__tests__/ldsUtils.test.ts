import { reduceErrors } from 'c/ldsUtils';
import apexError from './data/apexError.json';
import uiApiSaveError from './data/uiApiSaveError.json';
import dmlError from './data/dmlError.json';

describe('reduceErrors', () => {
    it('reads the message of an AuraHandledException thrown by Apex', () => {
        expect(reduceErrors(apexError)).toEqual(['Already accepted by Jane Rep at 23/11/2026 10:04.']);
    });

    it('reads page and field errors of a failed DML', () => {
        expect(reduceErrors(dmlError)).toEqual([
            'Insufficient access rights on object id.',
            'Rejection Reason: bad value for restricted picklist field: Maybe'
        ]);
    });

    it('reads output errors and field errors of a failed User Interface API save', () => {
        expect(reduceErrors(uiApiSaveError)).toEqual([
            'The record was changed by someone else.',
            'Enter a rejection reason.'
        ]);
    });

    it('reads a User Interface API body that is an array', () => {
        expect(reduceErrors({ body: [{ message: 'First' }, { message: 'Second' }] })).toEqual(['First', 'Second']);
    });

    it('reads JavaScript errors, strings, and falls back to the HTTP status text', () => {
        expect(reduceErrors(new TypeError('x is undefined'))).toEqual(['x is undefined']);
        expect(reduceErrors('Plain text')).toEqual(['Plain text']);
        expect(reduceErrors({ status: 500, statusText: 'Server Error', body: {} })).toEqual(['Server Error']);
    });

    it('flattens lists, drops empty entries and repeats', () => {
        expect(reduceErrors([apexError, null, undefined, { body: { message: '  ' } }, apexError, 'Other'])).toEqual([
            'Already accepted by Jane Rep at 23/11/2026 10:04.',
            'Other'
        ]);
    });

    it('returns nothing for nothing', () => {
        expect(reduceErrors(undefined)).toEqual([]);
        expect(reduceErrors([])).toEqual([]);
        expect(reduceErrors({})).toEqual([]);
    });
});
