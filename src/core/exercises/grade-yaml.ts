import { validateYaml } from '../validate-yaml.js';
import { parseYamlText } from '../yaml/parse.js';
import { runCheckWith } from './checks/run.js';
import { yamlCheck } from './checks/yaml.js';
import { gradeFiles, type FileGrader, type GradeOptions, type GradeResult } from './grade-core.js';
import type { Exercise } from './schema.js';

/** Grading of Compose files and Kubernetes manifests: parser, validator and their checks. */
export const yamlGrader: FileGrader = {
	kinds: ['compose', 'k8s'],
	parse: (kind, text) => {
		if (kind === 'dockerfile') throw new Error('A Dockerfile is not YAML.');
		return { kind, doc: parseYamlText(text) };
	},
	validate: (kind, text, options) => {
		if (kind === 'dockerfile') throw new Error('A Dockerfile is not YAML.');
		return validateYaml(kind, text, options);
	},
	check: (check, file, env) =>
		runCheckWith(check, file, env, (c, f, e) =>
			f.kind === 'dockerfile' ? null : yamlCheck(c, f.doc, e)
		),
};

/** Grades an exercise whose files are all Compose files or Kubernetes manifests. */
export function gradeYamlExercise(
	exercise: Exercise,
	files: Readonly<Record<string, string>>,
	options: GradeOptions
): GradeResult {
	return gradeFiles(exercise, files, options, yamlGrader);
}
