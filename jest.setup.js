const { registerSa11yMatcher } = require('@sa11y/jest');

// Adds expect(element).toBeAccessible() (axe-core rules) to every component test.
registerSa11yMatcher();
