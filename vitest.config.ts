import { defineConfig } from 'vitest/config';

/** Three projects: pure unit tests, checks over the built `dist/`, and Chromium browser tests. */
export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts'],
					environment: 'node',
				},
			},
			{
				test: {
					name: 'build',
					include: ['tests/build/**/*.test.ts'],
					environment: 'node',
				},
			},
			{
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					testTimeout: 60_000,
					hookTimeout: 120_000,
					pool: 'forks',
					poolOptions: { forks: { singleFork: true } },
				},
			},
		],
	},
});
