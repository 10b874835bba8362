/**
 * Preview stand-in for `lightning/navigation`: navigating records the page reference (the preview shows
 * where the component would have gone) instead of leaving the page.
 */
import { record } from 'preview/scenario';

interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    state?: Record<string, unknown>;
}

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin accepts any component class
type Constructor = new (...args: any[]) => object;

export function NavigationMixin<Base extends Constructor>(base: Base) {
    return class extends base {
        [Navigate](pageReference: PageReference): void {
            record({ kind: 'navigate', name: pageReference.type, detail: pageReference });
        }

        [GenerateUrl](pageReference: PageReference): Promise<string> {
            return Promise.resolve(`#${encodeURIComponent(JSON.stringify(pageReference))}`);
        }
    };
}
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

export class CurrentPageReference {
    constructor(private readonly provision: (reference: PageReference) => void) {}

    connect(): void {
        this.provision({ type: 'standard__navItemPage', attributes: { apiName: 'Baton_Preview' } });
    }

    update(): void {}

    disconnect(): void {}
}
