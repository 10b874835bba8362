const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    // Component tests only; the scripts under scripts/ use Node's own test runner.
    roots: ['<rootDir>/force-app'],
    // CSS too: a bundle that is only a style sheet (c/batonPanelStyles) is imported by others' CSS.
    moduleFileExtensions: [...jestConfig.moduleFileExtensions, 'css'],
    testMatch: ['**/__tests__/**/*.test.ts'],
    setupFilesAfterEnv: [...jestConfig.setupFilesAfterEnv, '<rootDir>/jest.setup.js'],
    // Platform modules sfdx-lwc-jest does not stub (or stubs without a way to observe calls).
    moduleNameMapper: {
        ...jestConfig.moduleNameMapper,
        '^lightning/modal$': '<rootDir>/force-app/test/jest-mocks/lightning/modal',
        '^lightning/navigation$': '<rootDir>/force-app/test/jest-mocks/lightning/navigation',
        '^@salesforce/messageChannel/(.+)$': '<rootDir>/force-app/test/jest-mocks/messageChannels/$1'
    },
    testTimeout: 15000
};
