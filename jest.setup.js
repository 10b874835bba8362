const { registerSa11yMatcher } = require('@sa11y/jest');

// Adds expect(element).toBeAccessible() (axe-core rules) to every component test.
registerSa11yMatcher();

// jsdom's CSS parser predates container queries (@container), which the components use for their narrow
// layouts: it reports such a stylesheet as unparsable and ignores it. Layout is checked in a real browser
// (npm run test:browser); only that one jsdom message is dropped here.
const reportError = console.error;
console.error = (...args) => {
    if (args[0]?.message === 'Could not parse CSS stylesheet') {
        return;
    }
    reportError(...args);
};
