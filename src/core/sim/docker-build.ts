import { parseDockerfile } from '../dockerfile/parse.js';
import { buildImage, type BuildResult } from './build.js';
import { HELP_FLAG, type CommandSpec, type ShellContext } from './command.js';
import type { Args } from './flags.js';
import { findingLines, plural, snippet, summary } from './findings.js';
import { paint, result, stripAnsi, type CommandResult } from './format.js';
import { readImageName, type ImageName } from './refs.js';
import { contextFiles, isWorkspaceDir, workspacePath } from './workspace.js';

/** `docker build`: checks the Dockerfile with the course validator, then builds it step by step. */

const WIDTH = 76;

/** A BuildKit progress line with its duration at the right. */
function stepLine(text: string, seconds: number, colour: 'blue' | 'red' = 'blue'): string {
	const cut = text.length > WIDTH - 4 ? `${text.slice(0, WIDTH - 5)}…` : text;
	return paint(colour, `${` => ${cut}`.padEnd(WIDTH)}${seconds.toFixed(1).padStart(5)}s`);
}

/** Reads the `-t` tags; returns the names or the first error. */
function readTags(args: Args): ImageName[] | string {
	const names: ImageName[] = [];
	for (const tag of args.all('tag')) {
		const name = readImageName(tag);
		if ('error' in name)
			return `invalid tag "${tag}": ${name.error.replace(/^invalid reference format: /, '')}`;
		names.push(name);
	}
	return names;
}

/** Reads `--build-arg NAME=value` flags. */
function buildArgs(args: Args): Record<string, string> {
	const out: Record<string, string> = {};
	for (const pair of args.all('build-arg')) {
		const eq = pair.indexOf('=');
		if (eq > 0) out[pair.slice(0, eq)] = pair.slice(eq + 1);
	}
	return out;
}

/** Formats the progress of a build that ran (to the end or to a failing step). */
function progress(
	file: string,
	text: string,
	built: BuildResult,
	tags: ImageName[],
	context: number
): string[] {
	const lines: string[] = [];
	const add = (label: string, seconds = 0) => lines.push(stepLine(label, seconds));
	add(`[internal] load build definition from ${file}`);
	add(`=> transferring dockerfile: ${text.length}B`);
	for (const base of built.bases) add(`[internal] load metadata for ${base}`, 0.4);
	add('[internal] load .dockerignore');
	add('=> transferring context: 2B');
	add('[internal] load build context');
	add(`=> transferring context: ${context}B`);
	for (const step of built.steps) add(`${step.cached ? 'CACHED ' : ''}${step.label}`, step.seconds);
	if (built.failure) {
		lines.push(stepLine(`ERROR ${built.failure.step}`, 0, 'red'));
		lines.push('------', ` > ${built.failure.step}:`, '------');
		lines.push(...snippet(file, text, built.failure.line));
		lines.push(paint('red', `ERROR: failed to solve: ${built.failure.message}`));
		return lines;
	}
	const id = built.image?.id ?? '';
	add('exporting to image', 0.1);
	add('=> exporting layers', 0.1);
	add(`=> writing image sha256:${id}`);
	for (const tag of tags) add(`=> naming to ${tag.full}`);
	return lines;
}

/** The header line `[+] Building 8.4s (12/12) FINISHED`. */
function header(lines: readonly string[], failed: boolean): string {
	const plain = lines.map(stripAnsi);
	const steps = plain.filter((l) => l.startsWith(' => ') && !l.startsWith(' => => ')).length;
	const seconds = plain.reduce((sum, l) => sum + Number(/(\d+\.\d)s$/.exec(l)?.[1] ?? 0), 0);
	return `[+] Building ${seconds.toFixed(1)}s (${steps}/${steps})${failed ? '' : ' FINISHED'}`;
}

/** Runs `docker build`. */
function run(ctx: ShellContext, args: Args): CommandResult {
	if (args.positionals.length !== 1) {
		return result(
			[
				paint('red', `ERROR: "docker buildx build" requires exactly 1 argument.`),
				`See 'docker build --help'.`,
				'',
				`Usage:  ${spec.usage}`,
			],
			1
		);
	}
	const dir = workspacePath(args.positionals[0] ?? '.');
	if (!isWorkspaceDir(ctx.files, dir))
		return result(
			[paint('red', `ERROR: unable to prepare context: path "${args.positionals[0]}" not found`)],
			1
		);
	const tags = readTags(args);
	if (typeof tags === 'string') return result([paint('red', `ERROR: ${tags}`)], 1);
	const file = workspacePath(args.get('file') ?? (dir === '' ? 'Dockerfile' : `${dir}/Dockerfile`));
	const text = ctx.files[file];
	if (text === undefined) {
		return result(
			[
				paint(
					'red',
					`ERROR: failed to solve: failed to read dockerfile: open ${file}: no such file or directory`
				),
			],
			1
		);
	}
	const findings = ctx.validate('dockerfile', text);
	const errors = findings.filter((d) => d.severity === 'error');
	if (errors.length > 0) {
		const lines = [
			stepLine(`[internal] load build definition from ${file}`, 0),
			stepLine(`=> transferring dockerfile: ${text.length}B`, 0),
		];
		return result(
			[
				header(lines, true),
				...lines,
				'',
				` ${summary(findings)} found by the course checks:`,
				...findingLines(file, findings),
				'',
				paint(
					'red',
					`ERROR: failed to solve: ${plural(errors.length, 'error')} in ${file}: Spin would refuse this image or it cannot build. No image was built.`
				),
			],
			1
		);
	}
	const context = contextFiles(ctx.files, dir);
	const size = Object.values(context).reduce((sum, content) => sum + content.length, 0);
	const built = buildImage(ctx.engine, {
		doc: parseDockerfile(text),
		context,
		buildArgs: buildArgs(args),
		noCache: args.has('no-cache'),
		center: ctx.center,
	});
	const lines = progress(file, text, built, tags, size);
	const out = [header(lines, built.failure !== null), ...lines];
	if (findings.length > 0)
		out.push(
			'',
			` ${summary(findings)} found by the course checks:`,
			...findingLines(file, findings)
		);
	if (!built.image || built.failure) return result(out, 1);
	const image = ctx.engine.addImage(built.image);
	for (const tag of tags) ctx.engine.tag(tag.ref, image.id);
	if (args.has('quiet')) return result([`sha256:${image.id}`]);
	return result(out);
}

/** The `docker build` command. */
export const spec: CommandSpec = {
	path: ['docker', 'build'],
	aliases: [
		['docker', 'image', 'build'],
		['docker', 'buildx', 'build'],
	],
	summary: 'Build an image from a Dockerfile',
	usage: 'docker build [OPTIONS] PATH',
	interspersed: true,
	operands: ['file'],
	flags: [
		{
			names: ['-t', '--tag'],
			key: 'tag',
			value: true,
			description: 'Name and optionally a tag (format: "name:tag")',
			complete: 'image',
		},
		{
			names: ['-f', '--file'],
			key: 'file',
			value: true,
			description: 'Name of the Dockerfile (default: "PATH/Dockerfile")',
			complete: 'file',
		},
		{
			names: ['--build-arg'],
			key: 'build-arg',
			value: true,
			description: 'Set build-time variables',
		},
		{
			names: ['--no-cache'],
			key: 'no-cache',
			value: false,
			description: 'Do not use cache when building the image',
		},
		{
			names: ['--platform'],
			key: 'platform',
			value: true,
			description: 'Set target platform for build (e.g. linux/amd64)',
		},
		{
			names: ['--progress'],
			key: 'progress',
			value: true,
			description: 'Set type of progress output ("auto", "plain", "tty")',
		},
		{
			names: ['-q', '--quiet'],
			key: 'quiet',
			value: false,
			description: 'Suppress the build output and print image ID on success',
		},
		HELP_FLAG,
	],
	run,
};
