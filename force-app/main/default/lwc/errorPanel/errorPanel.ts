import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/ldsUtils';

/**
 * The one error display of Baton's components: a friendly sentence, and the underlying messages
 * (reduced from any wire, Apex or UI API error) behind a "Show details" toggle.
 */
export default class ErrorPanel extends LightningElement {
    @api friendlyMessage = 'Something went wrong.';
    @api errors: unknown;

    detailsVisible = false;

    get messages(): string[] {
        return reduceErrors(this.errors);
    }

    get hasDetails(): boolean {
        return this.messages.length > 0;
    }

    get showDetails(): boolean {
        return this.detailsVisible && this.hasDetails;
    }

    get toggleLabel(): string {
        return this.detailsVisible ? 'Hide details' : 'Show details';
    }

    get ariaExpanded(): string {
        return String(this.detailsVisible);
    }

    handleToggleDetails(): void {
        this.detailsVisible = !this.detailsVisible;
    }
}
