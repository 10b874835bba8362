/**
 * Jest stand-in for `lightning/navigation` that records navigation: `navigate` is a jest.fn called
 * with (pageReference, replace) whenever a component calls this[NavigationMixin.Navigate].
 */
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';

export const CurrentPageReference = createTestWireAdapter(jest.fn());

export const navigate = jest.fn();

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export const NavigationMixin = (Base) => {
    return class extends Base {
        [Navigate](pageReference, replace) {
            navigate(pageReference, replace);
        }

        [GenerateUrl](pageReference) {
            const { recordId, objectApiName, actionName } = pageReference.attributes ?? {};
            return Promise.resolve(`/lightning/r/${objectApiName}/${recordId}/${actionName}`);
        }
    };
};
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;
