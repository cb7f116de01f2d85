import type { Progress } from '../../../../src/core/progress/schema.js';

/** A valid validator hash for bundles built in tests (any 64 hex digits fit the schema). */
export const TEST_VALIDATOR_HASH = 'ab'.repeat(32);

/** Saved progress of a learner who finished two exercises and attended two sessions. */
export function sampleProgress(): Progress {
	return {
		version: 1,
		chapters: {},
		exercises: {
			'flask-image': {
				files: { Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY app.py .\n' },
				attempts: 3,
				passed: true,
				hintsUsed: 1,
				solutionShown: false,
				params: {},
			},
			capstone: {
				files: { Dockerfile: 'FROM python:3.12-slim\n', 'deploy.yaml': 'kind: Deployment\n' },
				attempts: 1,
				passed: false,
				hintsUsed: 0,
				solutionShown: true,
				params: { uid: ' 54321 ', gid: '60123' },
			},
			'nonroot-nginx': {
				files: {},
				attempts: 0,
				passed: false,
				hintsUsed: 0,
				solutionShown: false,
				params: {},
			},
		},
		attendance: { 's1-meet-spin': '5rge3-gmtda', 's2-running-services': ' ', 'other-session': 'X' },
		learner: { username: ' Alice ', email: ' alice@example.org ', name: ' Alice   Example ' },
	};
}
