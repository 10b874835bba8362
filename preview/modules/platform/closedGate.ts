/**
 * A closed `@salesforce/gate/*` module. The preview closes `bc.260.enableComboboxElementInternals`:
 * with it open, lightning-combobox calls attachInternals, which synthetic shadow does not support.
 */
export default { isOpen: (): boolean => false };
