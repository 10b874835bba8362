/**
 * Jest stand-in for `lightning/modal`, which @salesforce/sfdx-lwc-jest does not stub. A modal subclass
 * renders as a plain component; tests stub the static open() (`jest.spyOn(MyModal, 'open')`) and watch
 * close() (`jest.spyOn(LightningModal.prototype, 'close')`).
 */
import { LightningElement } from 'lwc';

export default class LightningModal extends LightningElement {
    static open() {
        return Promise.reject(new Error('LightningModal.open is not available in Jest: stub it with jest.spyOn.'));
    }

    close(result) {
        this.closeValue = result;
        return Promise.resolve();
    }
}
