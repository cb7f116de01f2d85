import { effectiveCommand, type ShellCommand } from '../dockerfile/shell.js';
import { mkdirp, nodeAt, removePath, resolvePath, subtree, writeFile } from './fs.js';
import type { FileTree } from './types.js';
import { groupEntries, passwdEntries, resolveUser } from './users.js';

/**
 * The effects of a RUN step on an image's files, for the commands that matter to the course:
 * accounts (`useradd`, `adduser`, `groupadd`, `addgroup`), directories and ownership (`mkdir`,
 * `touch`, `chown`, `chgrp`, `chmod`, `rm`). Other commands (package installs, downloads) only
 * add to the image size.
 */

/** Splits words into options (with their values) and operands. */
function split(
	words: string[],
	withValue: string
): { opts: Map<string, string>; operands: string[] } {
	const opts = new Map<string, string>();
	const operands: string[] = [];
	for (let i = 0; i < words.length; i++) {
		const word = words[i] ?? '';
		if (word.startsWith('--')) {
			const eq = word.indexOf('=');
			const name = eq < 0 ? word : word.slice(0, eq);
			const takes = withValue.split(' ').includes(name);
			opts.set(name, eq >= 0 ? word.slice(eq + 1) : takes ? (words[++i] ?? '') : '');
		} else if (word.startsWith('-') && word.length > 1) {
			const letter = `-${word[1]}`;
			const takes = withValue.split(' ').includes(letter);
			opts.set(letter, takes ? (word.length > 2 ? word.slice(2) : (words[++i] ?? '')) : '');
			for (const extra of word.slice(2)) if (!takes) opts.set(`-${extra}`, '');
		} else operands.push(word);
	}
	return { opts, operands };
}

/** Appends a line to an account table unless the name exists. */
function addLine(tree: FileTree, path: string, line: string): void {
	const node = nodeAt(tree, path);
	const text = node?.content ?? '';
	const name = line.split(':')[0];
	if (text.split('\n').some((l) => l.split(':')[0] === name)) return;
	writeFile(tree, path, `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${line}\n`);
}

/** The next free id at or above 1000 in a table. */
function nextId(ids: number[], from: number): number {
	let id = from;
	while (ids.includes(id)) id++;
	return id;
}

/** Adds a group; returns its gid. */
function addGroup(tree: FileTree, name: string, gid: string | undefined): number {
	const existing = groupEntries(tree).find((g) => g.name === name);
	if (existing) return existing.id;
	const id =
		gid && /^\d+$/.test(gid)
			? Number(gid)
			: nextId(
					groupEntries(tree).map((g) => g.id),
					1000
				);
	addLine(tree, '/etc/group', `${name}:x:${id}:`);
	return id;
}

/** Adds a user (and its own group unless one is given). */
function addUser(
	tree: FileTree,
	name: string,
	uid: string | undefined,
	group: string | undefined,
	home: string | undefined
): void {
	if (passwdEntries(tree).some((u) => u.name === name)) return;
	const id =
		uid && /^\d+$/.test(uid)
			? Number(uid)
			: nextId(
					passwdEntries(tree).map((u) => u.id),
					1000
				);
	let gid: number;
	if (group && /^\d+$/.test(group)) gid = Number(group);
	else if (group) gid = addGroup(tree, group, undefined);
	else gid = addGroup(tree, name, String(id));
	const dir = home ?? `/home/${name}`;
	addLine(tree, '/etc/passwd', `${name}:x:${id}:${gid}::${dir}:/bin/sh`);
}

/** Applies a symbolic (`g+w`, `u=rwx`) or octal mode to permission bits. */
export function applyMode(current: number, spec: string): number | null {
	if (/^[0-7]{3,4}$/.test(spec)) return parseInt(spec, 8);
	let mode = current;
	for (const clause of spec.split(',')) {
		const m = /^([ugoa]*)([+=-])([rwxt]*)$/.exec(clause);
		if (!m) return null;
		const who = m[1] === '' || m[1] === 'a' ? 'ugo' : (m[1] ?? '');
		let bits = 0;
		for (const w of who) {
			const shift = w === 'u' ? 6 : w === 'g' ? 3 : 0;
			for (const p of m[3] ?? '')
				bits |= p === 't' ? 0o1000 : (p === 'r' ? 4 : p === 'w' ? 2 : 1) << shift;
		}
		if (m[2] === '+') mode |= bits;
		else if (m[2] === '-') mode &= ~bits;
		else mode = bits;
	}
	return mode;
}

/** The new `uid:gid` of a node for a chown spec (`u`, `u:g`, `u:`, `:g`); `null` if unknown. */
function ownerOf(tree: FileTree, spec: string, current: string): string | null {
	let [uid = '0', gid = '0'] = current.split(':');
	const colon = spec.indexOf(':');
	const user = colon < 0 ? spec : spec.slice(0, colon);
	const group = colon < 0 ? undefined : spec.slice(colon + 1);
	if (user !== '') {
		const resolved = resolveUser(tree, user);
		if (typeof resolved === 'string') return null;
		uid = String(resolved.uid);
		if (group === '') gid = String(resolved.gid);
	}
	if (group) {
		const id = /^\d+$/.test(group)
			? Number(group)
			: groupEntries(tree).find((g) => g.name === group)?.id;
		if (id === undefined) return null;
		gid = String(id);
	}
	return `${uid}:${gid}`;
}

/** Converts a sed basic regular expression to a JavaScript one. */
function sedRegex(source: string, extended: boolean, flags: string): RegExp | null {
	const text = extended
		? source
		: source.replace(
				/\\([(){}+?|])|([(){}+?|])/g,
				(_, escaped: string | undefined, plain: string | undefined) =>
					escaped ? escaped : `\\${plain ?? ''}`
			);
	try {
		return new RegExp(text, flags);
	} catch {
		return null;
	}
}

/** Applies one sed script (`s/a/b/g` or `/re/d`) to a text. */
function sedApply(text: string, script: string, extended: boolean): string {
	const sub = /^s(.)(.*?)(?<!\\)\1(.*?)(?<!\\)\1([gI]*)$/.exec(script);
	if (sub) {
		const re = sedRegex(
			sub[2] ?? '',
			extended,
			`m${(sub[4] ?? '').includes('g') ? 'g' : ''}${(sub[4] ?? '').includes('I') ? 'i' : ''}`
		);
		const replacement = (sub[3] ?? '')
			.replace(/\$/g, '$$$$')
			.replace(/&/g, '$$&')
			.replace(/\\(\d)/g, '$$$1');
		return re ? text.replace(re, replacement) : text;
	}
	const del = /^\/(.*)\/d$/.exec(script);
	const re = del ? sedRegex(del[1] ?? '', extended, '') : null;
	if (!re) return text;
	return text
		.split('\n')
		.filter((line) => !re.test(line))
		.join('\n');
}

/** `sed -i [-E] [-e SCRIPT]… [SCRIPT] FILE…`. */
function sed(tree: FileTree, at: (path: string) => string, words: string[]): void {
	const { opts, operands } = split(words, '-e --expression');
	if (!opts.has('-i') && !opts.has('--in-place')) return;
	const scripts = words.flatMap((w, i) =>
		w === '-e' || w === '--expression' ? [words[i + 1] ?? ''] : []
	);
	const files =
		scripts.length > 0 ? operands.filter((o) => !scripts.includes(o)) : operands.slice(1);
	if (scripts.length === 0 && operands[0]) scripts.push(operands[0]);
	const extended = opts.has('-E') || opts.has('-r') || opts.has('--regexp-extended');
	for (const file of files) {
		const node = tree[at(file)];
		if (!node || node.dir) continue;
		for (const script of scripts) node.content = sedApply(node.content, script.trim(), extended);
	}
}

/** Applies one command's effects. */
function apply(tree: FileTree, cwd: string, name: string, words: string[]): void {
	const at = (path: string) => resolvePath(cwd, path);
	const recursive = (opts: Map<string, string>, path: string) =>
		opts.has('-R') || opts.has('--recursive') ? subtree(tree, at(path)) : [at(path)];
	switch (name) {
		case 'mkdir': {
			const { opts, operands } = split(words, '-m --mode');
			const mode = applyMode(0o755, opts.get('-m') ?? opts.get('--mode') ?? '755') ?? 0o755;
			for (const path of operands) mkdirp(tree, at(path), '0:0', mode);
			return;
		}
		case 'sed':
			sed(tree, at, words);
			return;
		case 'touch':
			for (const path of split(words, '').operands)
				if (!nodeAt(tree, at(path))) writeFile(tree, at(path), '');
			return;
		case 'rm':
			for (const path of split(words, '').operands) removePath(tree, at(path));
			return;
		case 'groupadd':
		case 'addgroup': {
			const { opts, operands } = split(words, '-g --gid');
			const group = operands[operands.length - 1];
			if (group) addGroup(tree, group, opts.get('-g') ?? opts.get('--gid'));
			return;
		}
		case 'useradd':
		case 'adduser': {
			const { opts, operands } = split(
				words,
				'-u --uid -g --gid -G --ingroup -d --home -h -s --shell -c --gecos'
			);
			const [user, group] = operands;
			if (!user) return;
			const gid =
				opts.get('-g') ??
				opts.get('--gid') ??
				opts.get('--ingroup') ??
				(name === 'adduser' ? opts.get('-G') : undefined) ??
				group;
			addUser(
				tree,
				user,
				opts.get('-u') ?? opts.get('--uid'),
				gid,
				opts.get('-d') ?? opts.get('--home') ?? opts.get('-h')
			);
			return;
		}
		case 'chown':
		case 'chgrp': {
			const { opts, operands } = split(words, '');
			const [who = '', ...paths] = operands;
			const spec = name === 'chgrp' ? `:${who}` : who;
			for (const path of paths) {
				for (const key of recursive(opts, path)) {
					const node = tree[key];
					const owner = node ? ownerOf(tree, spec, node.owner) : null;
					if (node && owner) node.owner = owner;
				}
			}
			return;
		}
		case 'chmod': {
			const { opts, operands } = split(words, '');
			const [spec = '', ...paths] = operands;
			for (const path of paths) {
				for (const key of recursive(opts, path)) {
					const node = tree[key];
					const mode = node ? applyMode(node.mode, spec) : null;
					if (node && mode !== null) node.mode = mode;
				}
			}
			return;
		}
	}
}

/** Applies the commands of a RUN script to a tree; returns the estimated bytes added. */
export function applyRun(tree: FileTree, cwd: string, commands: readonly ShellCommand[]): number {
	let added = 100_000;
	for (const command of commands) {
		const program = effectiveCommand(command);
		if (!program) continue;
		const words = command.words.slice(program.at + 1).map((w) => w.value);
		if (/^pip3?$/.test(program.name) && words.includes('install')) added += 25_000_000;
		if (
			/^(apt-get|apt|apk|dnf|yum|microdnf|conda)$/.test(program.name) &&
			words.includes('install')
		)
			added += 60_000_000;
		apply(tree, cwd, program.name, words);
	}
	return added;
}
