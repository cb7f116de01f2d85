import { splitCommands, tokenize } from './argv.js';
import { basename, listDir, modeString, nodeAt, resolvePath } from './fs.js';
import type { FileTree } from './types.js';
import { canAccess, groupEntries, idLine, passwdEntries, type Identity } from './users.js';

/**
 * The small shell inside a simulated container (`docker exec`, `kubectl exec`, one-shot
 * `docker run IMAGE CMD`): `ls`, `cat`, `id`, `whoami`, `env`, `pwd`, `echo`, `hostname`,
 * `true`, `false` and `sh -c '…'`, over the image's files with its user's permissions.
 */

/** Where a command runs. */
export interface ExecContext {
	files: FileTree;
	cwd: string;
	/** Environment as `NAME=value`. */
	env: string[];
	identity: Identity;
	hostname: string;
	/** Date shown by `ls -l`, e.g. `May  1 09:00`. */
	date: string;
}

/** Output lines and the exit code; `notFound` is set when the program does not exist. */
export interface ExecResult {
	lines: string[];
	exitCode: number;
	notFound?: boolean;
}

/** The programs this shell knows. */
export const EXEC_PROGRAMS = [
	'cat',
	'echo',
	'env',
	'false',
	'hostname',
	'id',
	'ls',
	'printenv',
	'pwd',
	'sh',
	'bash',
	'true',
	'whoami',
];

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);

/** A name for a uid or gid from the image's tables, or the number. */
function nameOf(ctx: ExecContext, id: string, table: 'user' | 'group'): string {
	const entries = table === 'user' ? passwdEntries(ctx.files) : groupEntries(ctx.files);
	return entries.find((e) => String(e.id) === id)?.name ?? id;
}

/** `ls [-l] [-a] [PATH…]`. */
function ls(ctx: ExecContext, args: string[]): ExecResult {
	const flags = args.filter((a) => a.startsWith('-') && a.length > 1).join('');
	const bad = flags.replace(/-/g, '').replace(/[la1AhF]/g, '');
	if (bad) return { lines: [`ls: invalid option -- '${bad[0]}'`], exitCode: 2 };
	const long = flags.includes('l');
	const all = flags.includes('a');
	const paths = args.filter((a) => !a.startsWith('-') || a === '-');
	const lines: string[] = [];
	let exitCode = 0;
	const row = (path: string, name: string) => {
		const node = nodeAt(ctx.files, path);
		if (!node) return name;
		const [uid = '0', gid = '0'] = node.owner.split(':');
		const size = node.dir ? 4096 : node.content.length;
		return `${modeString(node)} 1 ${nameOf(ctx, uid, 'user').padEnd(5)} ${nameOf(ctx, gid, 'group').padEnd(5)} ${String(size).padStart(5)} ${ctx.date} ${name}`;
	};
	const targets = paths.length > 0 ? paths : ['.'];
	targets.forEach((raw, index) => {
		const path = resolvePath(ctx.cwd, raw);
		const node = nodeAt(ctx.files, path);
		if (!node) {
			lines.push(`ls: cannot access '${raw}': No such file or directory`);
			exitCode = 2;
			return;
		}
		if (!node.dir) {
			lines.push(long ? row(path, raw) : raw);
			return;
		}
		if (!canAccess(node, ctx.identity, 4)) {
			lines.push(`ls: cannot open directory '${raw}': Permission denied`);
			exitCode = 2;
			return;
		}
		if (targets.length > 1) lines.push(`${index > 0 ? '\n' : ''}${raw}:`);
		const names = listDir(ctx.files, path).filter((n) => all || !n.startsWith('.'));
		const shown = all ? ['.', '..', ...names] : names;
		if (long) {
			lines.push(`total ${names.length * 4}`);
			for (const name of shown)
				lines.push(
					row(
						name === '.' ? path : name === '..' ? resolvePath(path, '..') : resolvePath(path, name),
						name
					)
				);
		} else if (shown.length > 0) lines.push(shown.join('  '));
	});
	return { lines, exitCode };
}

/** `cat FILE…`. */
function cat(ctx: ExecContext, args: string[]): ExecResult {
	if (args.length === 0) return { lines: [], exitCode: 0 };
	const lines: string[] = [];
	let exitCode = 0;
	for (const raw of args) {
		const path = resolvePath(ctx.cwd, raw);
		const node = nodeAt(ctx.files, path);
		if (!node) {
			lines.push(`cat: ${raw}: No such file or directory`);
			exitCode = 1;
		} else if (node.dir) {
			lines.push(`cat: ${raw}: Is a directory`);
			exitCode = 1;
		} else if (!canAccess(node, ctx.identity, 4)) {
			lines.push(`cat: ${raw}: Permission denied`);
			exitCode = 1;
		} else lines.push(...node.content.replace(/\n$/, '').split('\n'));
	}
	return { lines, exitCode };
}

/** `id [-u|-g|-n]`. */
function id(ctx: ExecContext, args: string[]): ExecResult {
	const { identity } = ctx;
	if (args.includes('-u'))
		return {
			lines: [args.includes('-n') ? (identity.user ?? String(identity.uid)) : String(identity.uid)],
			exitCode: 0,
		};
	if (args.includes('-g'))
		return {
			lines: [
				args.includes('-n') ? (identity.group ?? String(identity.gid)) : String(identity.gid),
			],
			exitCode: 0,
		};
	return { lines: [idLine(identity)], exitCode: 0 };
}

/** Runs one simple command. */
function runOne(ctx: ExecContext, words: string[]): ExecResult {
	const [program = '', ...args] = words;
	switch (basename(program)) {
		case 'ls':
			return ls(ctx, args);
		case 'cat':
			return cat(ctx, args);
		case 'id':
			return id(ctx, args);
		case 'whoami':
			return ctx.identity.user
				? { lines: [ctx.identity.user], exitCode: 0 }
				: { lines: [`whoami: cannot find name for user ID ${ctx.identity.uid}`], exitCode: 1 };
		case 'env':
		case 'printenv': {
			if (args.length === 0) return { lines: [...ctx.env], exitCode: 0 };
			const found = args.map((name) =>
				ctx.env.find((e) => e.startsWith(`${name}=`))?.slice(name.length + 1)
			);
			return {
				lines: found.filter((v): v is string => v !== undefined),
				exitCode: found.every((v) => v !== undefined) ? 0 : 1,
			};
		}
		case 'pwd':
			return { lines: [ctx.cwd], exitCode: 0 };
		case 'echo':
			return { lines: [args.join(' ')], exitCode: 0 };
		case 'hostname':
			return { lines: [ctx.hostname], exitCode: 0 };
		case 'true':
			return { lines: [], exitCode: 0 };
		case 'false':
			return { lines: [], exitCode: 1 };
		default:
			if (SHELLS.has(basename(program))) {
				const at = args.indexOf('-c');
				if (at < 0) return { lines: [], exitCode: 0 };
				return runScript(ctx, args[at + 1] ?? '');
			}
			return {
				lines: [`exec: "${program}": executable file not found in $PATH`],
				exitCode: 127,
				notFound: true,
			};
	}
}

/** Expands `$NAME` and `${NAME}` from the environment. */
function expand(ctx: ExecContext, word: string): string {
	return word.replace(
		/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g,
		(_, name: string) => ctx.env.find((e) => e.startsWith(`${name}=`))?.slice(name.length + 1) ?? ''
	);
}

/** Runs a `sh -c` script: simple commands joined by `&&`, `||` and `;`. */
export function runScript(ctx: ExecContext, script: string): ExecResult {
	const { tokens, error } = tokenize(script);
	if (error) return { lines: [`sh: 1: Syntax error: ${error}`], exitCode: 2 };
	const lines: string[] = [];
	let exitCode = 0;
	let skip = false;
	const local = { ...ctx };
	for (const { words, op } of splitCommands(tokens)) {
		if (!skip && words[0] === 'cd') {
			const target = resolvePath(local.cwd, expand(local, words[1] ?? '/'));
			const ok = nodeAt(local.files, target)?.dir === true;
			if (ok) local.cwd = target;
			else lines.push(`sh: 1: cd: can't cd to ${words[1] ?? '/'}`);
			exitCode = ok ? 0 : 2;
		} else if (!skip && words.length > 0) {
			const result = runOne(
				local,
				words.map((w) => expand(local, w))
			);
			lines.push(...(result.notFound ? [`sh: 1: ${words[0]}: not found`] : result.lines));
			exitCode = result.notFound ? 127 : result.exitCode;
		}
		skip = (op === '&&' && exitCode !== 0) || (op === '||' && exitCode === 0);
	}
	return { lines, exitCode };
}

/** Runs a command given as words (exec form), as `docker exec` does. */
export function execCommand(ctx: ExecContext, words: readonly string[]): ExecResult {
	if (words.length === 0) return { lines: ['no command given'], exitCode: 1 };
	return runOne(ctx, [...words]);
}
