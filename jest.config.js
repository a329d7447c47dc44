/**
 * Jest: ts-jest, in three projects. `unit` (tests/unit) is pure and starts nothing; `integration`
 * (tests/integration) and `e2e` (tests/e2e) share one Azurite (in memory, free port), started by
 * the project itself. A project's globalSetup runs only when at least one of its tests is selected,
 * and jest runs a setup module once per run even when several projects name it, so
 * `jest tests/unit` starts no Azurite and a full run starts exactly one.
 */
const base = {
  rootDir: __dirname,
  preset: 'ts-jest',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
};

const withAzurite = {
  globalSetup: '<rootDir>/tests/helpers/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/helpers/globalTeardown.ts',
};

module.exports = {
  testTimeout: 30000,
  projects: [
    { ...base, displayName: 'unit', roots: ['<rootDir>/tests/unit'], testMatch: ['**/*.test.ts'] },
    { ...base, ...withAzurite, displayName: 'integration', roots: ['<rootDir>/tests/integration'], testMatch: ['**/*.test.ts'] },
    { ...base, ...withAzurite, displayName: 'e2e', roots: ['<rootDir>/tests/e2e'], testMatch: ['**/*.test.ts'] },
    // A test in any other folder of tests/ runs as before (with Azurite) rather than not at all.
    {
      ...base,
      ...withAzurite,
      displayName: 'other',
      roots: ['<rootDir>/tests'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/(unit|integration|e2e)/'],
    },
  ],
};
