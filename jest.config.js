// Jest runs in ESM mode (NestJS 12 is ESM-only): `node --experimental-vm-modules` plus an ESM transform.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  // With TEST_DATABASE_URL: each e2e file's own database on that server (see test/support/server-database.ts).
  setupFilesAfterEnv: ['<rootDir>/test/support/file-database.setup.ts'],
  // Hooks boot apps, databases and child processes: on a loaded 2-vCPU machine a boot took over 60 s.
  testTimeout: 120000,
  // A suite that leaves a socket or child open must not hold CI until its timeout once every test has reported.
  forceExit: true,
};
