import { HELP_FLAG, type CommandSpec } from './command.js';
import { paint, result } from './format.js';
import { isWorkspaceDir, listWorkspace, workspacePath } from './workspace.js';

/** The prompt's own commands: `ls`, `cat`, `pwd`, `echo`, `history` and `clear` (`help` is in `help.ts`). */

/** The escape sequence that clears the screen and the scroll-back. */
export const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';

const ls: CommandSpec = {
	path: ['ls'],
	summary: 'List the files of your workspace',
	usage: 'ls [-l] [DIR]',
	interspersed: true,
	operands: ['file'],
	flags: [
		{ names: ['-l'], key: 'long', value: false, description: 'Use a long listing format' },
		{
			names: ['-a', '--all'],
			key: 'all',
			value: false,
			description: 'Do not ignore entries starting with .',
		},
		HELP_FLAG,
	],
	run(ctx, args) {
		const targets = args.positionals.length > 0 ? args.positionals : ['.'];
		const lines: string[] = [];
		let exitCode = 0;
		for (const raw of targets) {
			const path = workspacePath(raw);
			if (ctx.files[path] !== undefined) {
				lines.push(
					args.has('long')
						? `-rw-r--r-- 1 ${ctx.learner.user} ${String(ctx.files[path]?.length ?? 0).padStart(6)} ${raw}`
						: raw
				);
				continue;
			}
			if (!isWorkspaceDir(ctx.files, path)) {
				lines.push(paint('red', `ls: cannot access '${raw}': No such file or directory`));
				exitCode = 2;
				continue;
			}
			if (targets.length > 1) lines.push(`${raw}:`);
			const names = listWorkspace(ctx.files, path).filter(
				(n) => args.has('all') || !n.startsWith('.')
			);
			if (args.has('long')) {
				for (const name of names) {
					const full = path === '' ? name : `${path}/${name}`;
					const dir = name.endsWith('/');
					const size = dir ? 4096 : (ctx.files[full]?.length ?? 0);
					lines.push(
						`${dir ? 'drwxr-xr-x' : '-rw-r--r--'} 1 ${ctx.learner.user} ${String(size).padStart(6)} ${dir ? paint('blue', name) : name}`
					);
				}
			} else if (names.length > 0)
				lines.push(names.map((n) => (n.endsWith('/') ? paint('blue', n) : n)).join('  '));
		}
		return result(lines, exitCode);
	},
};

const cat: CommandSpec = {
	path: ['cat'],
	summary: 'Show a file of your workspace',
	usage: 'cat FILE...',
	interspersed: true,
	operands: ['file'],
	flags: [HELP_FLAG],
	run(ctx, args) {
		if (args.positionals.length === 0)
			return result(
				[paint('red', 'cat: missing file operand (this terminal has no keyboard input to read)')],
				1
			);
		const lines: string[] = [];
		let exitCode = 0;
		for (const raw of args.positionals) {
			const path = workspacePath(raw);
			const text = ctx.files[path];
			if (text !== undefined) lines.push(...text.replace(/\r?\n$/, '').split(/\r?\n/));
			else {
				lines.push(
					paint(
						'red',
						`cat: ${raw}: ${isWorkspaceDir(ctx.files, path) ? 'Is a directory' : 'No such file or directory'}`
					)
				);
				exitCode = 1;
			}
		}
		return result(lines, exitCode);
	},
};

const pwd: CommandSpec = {
	path: ['pwd'],
	summary: 'Print the working directory',
	usage: 'pwd',
	interspersed: true,
	operands: [],
	flags: [HELP_FLAG],
	run(ctx) {
		return result([`/home/${ctx.learner.user}/workspace`]);
	},
};

const echo: CommandSpec = {
	path: ['echo'],
	summary: 'Print its arguments',
	usage: 'echo [ARG...]',
	interspersed: true,
	raw: true,
	operands: [],
	flags: [],
	run(_ctx, args) {
		return result([args.positionals.join(' ')]);
	},
};

const history: CommandSpec = {
	path: ['history'],
	summary: 'Show the commands typed so far',
	usage: 'history',
	interspersed: true,
	operands: [],
	flags: [HELP_FLAG],
	run(ctx) {
		return result(ctx.history.map((line, i) => `${String(i + 1).padStart(5)}  ${line}`));
	},
};

const clear: CommandSpec = {
	path: ['clear'],
	summary: 'Clear the screen',
	usage: 'clear',
	interspersed: true,
	operands: [],
	flags: [HELP_FLAG],
	run() {
		return { output: CLEAR_SCREEN, exitCode: 0 };
	},
};

/** The prompt's own commands. */
export const builtinCommands: CommandSpec[] = [ls, cat, pwd, echo, history, clear];
