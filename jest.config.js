const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    // Component tests only; the scripts under scripts/ use Node's own test runner.
    roots: ['<rootDir>/force-app'],
    testMatch: ['**/__tests__/**/*.test.ts'],
    setupFilesAfterEnv: [...jestConfig.setupFilesAfterEnv, '<rootDir>/jest.setup.js'],
    testTimeout: 15000
};
