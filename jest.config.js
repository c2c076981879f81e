// Every test file runs once per database: always on SQLite, and on PostgreSQL too when
// TEST_DATABASE_URL is set (CI sets it). Each run of a file gets its own fresh database.
const base = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] },
  setupFiles: ['reflect-metadata'],
};

if (process.env.CI === 'true' && !process.env.TEST_DATABASE_URL) {
  throw new Error('CI must run the PostgreSQL suite: set TEST_DATABASE_URL (see .ci/run)');
}

const projects = [{ ...base, displayName: 'sqlite', globals: { TEST_DB: 'sqlite' } }];
if (process.env.TEST_DATABASE_URL) {
  projects.push({ ...base, displayName: 'postgres', globals: { TEST_DB: 'postgres' } });
}

module.exports = {
  projects,
  reporters: ['default', '<rootDir>/test/helpers/summary-reporter.js'],
  testTimeout: 60000,
  maxWorkers: 2,
};
