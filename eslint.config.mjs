import lwcConfig from '@salesforce/eslint-config-lwc';
import jestPlugin from 'eslint-plugin-jest';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The preview's browser modules (its shell and the platform stand-ins) are Lightning web components too.
const components = ['force-app/**/lwc/**/*.ts', 'force-app/test/**/*.ts', 'preview/modules/**/*.ts'];
const componentTests = ['force-app/**/lwc/**/__tests__/**/*.ts', 'force-app/test/**/*.ts'];

export default tseslint.config(
    {
        // Generated component JavaScript is checked through its TypeScript source.
        ignores: [
            'node_modules/**',
            'force-app/**/lwc/**/*.js',
            'coverage/**',
            '.sfdx/**',
            '.sf/**',
            'mdapi-out/**',
            // deliberately broken projects for the deploy-readiness gate's tests
            'scripts/test/fixtures/**'
        ]
    },
    // Lightning web components: the platform's LWC rules and JavaScript best practices, parsed by
    // typescript-eslint (the LWC config's Babel parser misreads type-only syntax as undefined names).
    ...lwcConfig.configs.recommended.map((config) => ({ ...config, files: components })),
    {
        files: components,
        extends: [tseslint.configs.recommended],
        languageOptions: { parser: tseslint.parser },
        rules: {
            // TypeScript resolves names, including types the base rule cannot see.
            'no-undef': 'off'
        }
    },
    {
        files: componentTests,
        ...jestPlugin.configs['flat/recommended'],
        languageOptions: { globals: { ...globals.jest, ...globals.node } },
        rules: {
            ...jestPlugin.configs['flat/recommended'].rules,
            // Helpers named expect… assert; a test with no assertion at all fails the lint.
            'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*'] }]
        }
    },
    // Ambient platform declarations.
    {
        files: ['types/**/*.d.ts'],
        extends: [tseslint.configs.recommended]
    },
    // Consultant tools on Node: strict, type-aware rules.
    {
        files: ['scripts/**/*.ts'],
        extends: [tseslint.configs.strictTypeChecked],
        languageOptions: {
            parserOptions: {
                // The browser preview's Node side has its own project (it adds the DOM, for code run in the page).
                project: ['./scripts/tsconfig.json', './scripts/preview/tsconfig.json'],
                tsconfigRootDir: import.meta.dirname
            },
            globals: globals.node
        },
        rules: {
            '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
            // node:test's describe/it return promises the runner itself awaits.
            '@typescript-eslint/no-floating-promises': [
                'error',
                {
                    allowForKnownSafeCalls: [
                        { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] }
                    ]
                }
            ]
        }
    },
    {
        files: ['*.js'],
        languageOptions: { sourceType: 'commonjs', globals: globals.node }
    }
);
