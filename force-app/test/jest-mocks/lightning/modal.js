/**
 * Jest stand-in for `lightning/modal`, which @salesforce/sfdx-lwc-jest does not stub. A modal subclass
 * renders as a plain component. Tests stub the static open() (`jest.spyOn(MyModal, 'open')`); close()
 * dispatches a `close` event with `detail.result` (LWC seals component prototypes, so it cannot be spied).
 */
import { LightningElement } from 'lwc';

export default class LightningModal extends LightningElement {
    static open() {
        return Promise.reject(new Error('LightningModal.open is not available in Jest: stub it with jest.spyOn.'));
    }

    close(result) {
        this.dispatchEvent(new CustomEvent('close', { detail: { result } }));
        return Promise.resolve();
    }
}
