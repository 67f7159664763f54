import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The browser files share one server and database, so they run in one fixed order (by path),
 * not in the order of vitest's timing cache, which differs between a fresh clone and a warm one.
 * The integration files keep vitest's order (slowest first), which keeps the run short.
 */
class BrowserFilesByPath extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const browser = sorted.filter((f) => f.project.name === 'e2e').sort((a, b) => a.moduleId.localeCompare(b.moduleId));
    return [...sorted.filter((f) => f.project.name !== 'e2e'), ...browser];
  }
}

export default defineConfig({
  test: {
    // Sequencing is decided once for every project, so it is set here rather than in the e2e project.
    sequence: { sequencer: BrowserFilesByPath },
    projects: [
      {
        test: {
          name: 'integration',
          include: ['src/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.{ts,tsx}'],
          globalSetup: ['tests/support/global-setup.ts'],
          env: { TZ: 'UTC' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
