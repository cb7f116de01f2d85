/**
 * A small `sed` for the image-file check: enough of GNU sed to replay the edits people make to
 * configuration files in Dockerfiles (`s` with flags, `d`, `a`, `i`, `c`, `/regex/` and line
 * addresses, `!`, basic and extended regular expressions). Anything else makes the result unknown.
 */

/** A parsed `sed` command line. */
export interface SedCall {
	scripts: string[];
	files: string[];
	inPlace: boolean;
	extended: boolean;
}

/** An address: a regular expression, a line number or the last line. */
type Address = { re: RegExp } | { line: number } | { last: true };

/** One sed command with its optional address. */
interface SedCommand {
	address: Address | null;
	negate: boolean;
	op: 's' | 'd' | 'a' | 'i' | 'c';
	re?: RegExp;
	replacement?: string;
	global?: boolean;
	text?: string;
}

/** Reads the options, scripts and files of `sed` arguments; null for unsupported options. */
export function parseSedCall(args: readonly string[]): SedCall | null {
	const call: SedCall = { scripts: [], files: [], inPlace: false, extended: false };
	const rest: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const arg = args[i] ?? '';
		if (arg === '--') {
			rest.push(...args.slice(i + 1));
			break;
		}
		if (arg.startsWith('--')) {
			const [name = '', value] = arg.slice(2).split(/=(.*)/s);
			if (name === 'in-place') call.inPlace = true;
			else if (name === 'regexp-extended') call.extended = true;
			else if (name === 'expression') call.scripts.push(value ?? args[++i] ?? '');
			else if (!['posix', 'debug', 'separate', 'follow-symlinks', 'sandbox'].includes(name))
				return null;
			continue;
		}
		if (!arg.startsWith('-') || arg === '-') {
			rest.push(arg);
			continue;
		}
		for (let k = 1; k < arg.length; k++) {
			const c = arg.charAt(k);
			if (c === 'i') {
				call.inPlace = true;
				break;
			} else if (c === 'E' || c === 'r') call.extended = true;
			else if (c === 'e') {
				call.scripts.push(arg.length > k + 1 ? arg.slice(k + 1) : (args[++i] ?? ''));
				break;
			} else if (c !== 's' && c !== 'u') return null;
		}
	}
	if (call.scripts.length === 0) {
		const script = rest.shift();
		if (script === undefined) return null;
		call.scripts.push(script);
	}
	call.files = rest;
	return call;
}

/** Converts a POSIX character class name to JavaScript. */
function posixClass(name: string): string {
	const table: Record<string, string> = {
		space: '\\s',
		blank: ' \\t',
		digit: '0-9',
		alpha: 'a-zA-Z',
		alnum: 'a-zA-Z0-9',
		upper: 'A-Z',
		lower: 'a-z',
		punct: '!-\\/:-@\\[-`{-~',
		xdigit: '0-9A-Fa-f',
	};
	return table[name] ?? '';
}

/** Copies a bracket expression starting at `at`; returns the JavaScript text and the end index. */
function bracket(src: string, at: number): [string, number] {
	let i = at + 1;
	let out = '[';
	if (src.charAt(i) === '^') {
		out += '^';
		i++;
	}
	if (src.charAt(i) === ']') {
		out += '\\]';
		i++;
	}
	while (i < src.length && src.charAt(i) !== ']') {
		const m = /^\[:(\w+):\]/.exec(src.slice(i));
		if (m) {
			out += posixClass(m[1] ?? '');
			i += m[0].length;
		} else {
			out += src.charAt(i) === '\\' ? '\\\\' : src.charAt(i);
			i++;
		}
	}
	return [out + ']', i];
}

/** Converts a sed regular expression (basic or extended) to a JavaScript source. */
export function toJsRegex(src: string, extended: boolean): string {
	let out = '';
	for (let i = 0; i < src.length; i++) {
		const c = src.charAt(i);
		if (c === '[') {
			const [text, end] = bracket(src, i);
			out += text;
			i = end;
		} else if (c === '\\') {
			const n = src.charAt(++i);
			if (n === '<' || n === '>') out += '\\b';
			else if (!extended && '(){}+?|'.includes(n)) out += n;
			else out += '\\' + n;
		} else if (!extended && '(){}+?|'.includes(c)) {
			out += '\\' + c;
		} else {
			out += c;
		}
	}
	return out;
}

/** Converts a sed replacement to a JavaScript replacement string. */
function toJsReplacement(text: string): string {
	let out = '';
	for (let i = 0; i < text.length; i++) {
		const c = text.charAt(i);
		if (c === '\\') {
			const n = text.charAt(++i);
			if (/\d/.test(n)) out += '$' + n;
			else if (n === 'n' || n === '\n') out += '\n';
			else if (n === 't') out += '\t';
			else out += n === '$' ? '$$' : n;
		} else if (c === '&') out += '$&';
		else if (c === '$') out += '$$';
		else out += c;
	}
	return out;
}

/**
 * Reads text up to an unescaped delimiter. `\<delim>` stands for the delimiter itself: a
 * literal character in a regular expression (escaped when it is special there), or in a
 * replacement the bare character.
 */
function until(script: string, at: number, delim: string, regex: boolean): [string, number] | null {
	let out = '';
	for (let i = at; i < script.length; i++) {
		const c = script.charAt(i);
		if (c === delim) return [out, i];
		if (c === '\\' && script.charAt(i + 1) === delim) {
			const special = regex && /[.*+?^${}()|[\]\\/]/.test(delim);
			out += special ? `\\x${delim.charCodeAt(0).toString(16).padStart(2, '0')}` : delim;
			i++;
		} else if (c === '\\') {
			out += c + script.charAt(i + 1);
			i++;
		} else {
			out += c;
		}
	}
	return null;
}

/** Parses one script into commands; null when it uses something this sed does not know. */
export function parseSedScript(script: string, extended: boolean): SedCommand[] | null {
	const commands: SedCommand[] = [];
	let i = 0;
	const skip = (chars: string): void => {
		while (i < script.length && chars.includes(script.charAt(i))) i++;
	};
	while (true) {
		skip(' \t\n;');
		if (i >= script.length) return commands;
		let address: Address | null = null;
		const c = script.charAt(i);
		if (c === '/' || c === '\\') {
			const delim = c === '/' ? '/' : script.charAt(++i);
			const part = until(script, i + 1, delim, true);
			if (!part) return null;
			i = part[1] + 1;
			const flags = script.charAt(i) === 'I' ? (i++, 'i') : '';
			address = { re: new RegExp(toJsRegex(part[0], extended), flags) };
		} else if (/\d/.test(c)) {
			const m = /^\d+/.exec(script.slice(i))?.[0] ?? '0';
			address = { line: Number(m) };
			i += m.length;
		} else if (c === '$') {
			address = { last: true };
			i++;
		}
		skip(' \t');
		const negate = script.charAt(i) === '!';
		if (negate) i++;
		skip(' \t');
		const op = script.charAt(i++);
		if (op === 'd') commands.push({ address, negate, op });
		else if (op === 'a' || op === 'i' || op === 'c') {
			const block = /^[ \t]*\\\n/.exec(script.slice(i));
			if (block) i += block[0].length;
			let end = script.indexOf('\n', i);
			if (end < 0) end = script.length;
			const text = script.slice(i, end).replace(block ? /^$/ : /^[ \t]*\\?/, '');
			commands.push({ address, negate, op, text: text.replace(/\\(.)/g, '$1') });
			i = end;
		} else if (op === 's') {
			const delim = script.charAt(i);
			const pattern = until(script, i + 1, delim, true);
			const replacement = pattern && until(script, pattern[1] + 1, delim, false);
			if (!pattern || !replacement) return null;
			i = replacement[1] + 1;
			const flags = /^[gIi0-9p]*/.exec(script.slice(i))?.[0] ?? '';
			i += flags.length;
			if (/[0-9p]/.test(flags)) return null;
			const re = new RegExp(toJsRegex(pattern[0], extended), /[Ii]/.test(flags) ? 'i' : '');
			const global = flags.includes('g');
			commands.push({
				address,
				negate,
				op,
				re,
				replacement: toJsReplacement(replacement[0]),
				global,
			});
		} else {
			return null;
		}
	}
}

/** Tells whether an address selects a line. */
function selects(command: SedCommand, line: string, number: number, last: boolean): boolean {
	const a = command.address;
	const hit = !a || ('re' in a ? a.re.test(line) : 'line' in a ? a.line === number : last);
	return hit !== command.negate;
}

/** Runs parsed commands over a text, line by line, as sed does. */
export function runSed(commands: readonly SedCommand[], text: string): string {
	const trailing = text.endsWith('\n');
	const lines = (trailing ? text.slice(0, -1) : text).split('\n');
	const out: string[] = [];
	lines.forEach((original, index) => {
		let line = original;
		let deleted = false;
		const after: string[] = [];
		for (const command of commands) {
			if (!selects(command, line, index + 1, index === lines.length - 1)) continue;
			if (command.op === 's' && command.re) {
				const re = command.global
					? new RegExp(command.re.source, command.re.flags + 'g')
					: command.re;
				line = line.replace(re, command.replacement ?? '');
			} else if (command.op === 'i') out.push(command.text ?? '');
			else if (command.op === 'a') after.push(command.text ?? '');
			else {
				if (command.op === 'c') out.push(command.text ?? '');
				deleted = true;
				break;
			}
		}
		if (!deleted) out.push(line);
		out.push(...after);
	});
	return out.join('\n') + (trailing ? '\n' : '');
}
