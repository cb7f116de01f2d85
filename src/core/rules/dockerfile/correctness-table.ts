import type { RuleRefs, Severity } from '../../types.js';

/**
 * How each `dockerfile-utils` check (its `ValidationCode`, by name) becomes one of our rules:
 * `dockerfile/<kebab-name>`, family `correctness`. Severity is `error` where Docker refuses the
 * file or the result cannot run, `warning` where Docker builds it and only warns.
 * `{text}` in a message is the flagged source text.
 */
export interface CorrectnessEntry {
	severity: Severity;
	description: string;
	message: string;
	hint: string;
	refs?: RuleRefs;
	/** Deprecated code names that report the same problem. */
	aliases?: string[];
}

/** Shorthand for an entry that Docker refuses. */
function error(
	description: string,
	message: string,
	hint: string,
	refs?: RuleRefs
): CorrectnessEntry {
	return refs
		? { severity: 'error', description, message, hint, refs }
		: { severity: 'error', description, message, hint };
}

/** Shorthand for an entry that Docker only warns about. */
function warning(
	description: string,
	message: string,
	hint: string,
	refs?: RuleRefs
): CorrectnessEntry {
	return refs
		? { severity: 'warning', description, message, hint, refs }
		: { severity: 'warning', description, message, hint };
}

const ARGS_HINT = 'Check the instruction reference for the arguments it takes.';

export const CORRECTNESS_TABLE = {
	CASING_INSTRUCTION: warning(
		'Instructions are written in upper case.',
		'Instruction `{text}` is not written in upper case.',
		'Write instructions in capitals (RUN, COPY, …): Docker accepts any case, but readers and linters expect capitals.',
		{ buildkit: 'ConsistentInstructionCasing' }
	),
	CASING_DIRECTIVE: warning(
		'Parser directives are written in lower case.',
		'Parser directive `{text}` is not written in lower case.',
		'Write directives in lower case, e.g. `# syntax=docker/dockerfile:1`.'
	),
	ARGUMENT_MISSING: error(
		'Every instruction has its arguments.',
		'`{text}` is missing its argument.',
		ARGS_HINT
	),
	ARGUMENT_EXTRA: error(
		'Instructions get no extra arguments.',
		'`{text}` is an argument too many here.',
		ARGS_HINT
	),
	ARGUMENT_REQUIRES_ONE: error(
		'Single-argument instructions get exactly one argument.',
		'This instruction takes exactly one argument: `{text}`.',
		ARGS_HINT
	),
	ARGUMENT_REQUIRES_AT_LEAST_ONE: error(
		'Instructions that need an argument get one.',
		'`{text}` needs at least one argument.',
		ARGS_HINT
	),
	ARGUMENT_REQUIRES_TWO: error(
		'ENV gets a name and a value.',
		'`{text}` needs a value: write `NAME=value`.',
		'Write `ENV NAME=value`; use ARG for a variable without a value.'
	),
	ARGUMENT_REQUIRES_AT_LEAST_TWO: error(
		'COPY and ADD get a source and a destination.',
		'`{text}` needs at least a source and a destination.',
		'Write `COPY <source>... <destination>`.'
	),
	ARGUMENT_REQUIRES_ONE_OR_THREE: error(
		'FROM gets an image and optionally `AS name`.',
		'`{text}`: FROM takes an image, optionally followed by `AS name`.',
		'Write `FROM image:tag` or `FROM image:tag AS name`.'
	),
	ARGUMENT_UNNECESSARY: error(
		'`HEALTHCHECK NONE` stands alone.',
		'`HEALTHCHECK NONE` takes no further arguments: `{text}`.',
		'Remove the words after `HEALTHCHECK NONE`.'
	),
	DUPLICATE_BUILD_STAGE_NAME: error(
		'Stage names are unique.',
		'Stage name `{text}` is already used by another stage.',
		'Give every stage its own name after `AS`.',
		{ hadolint: 'DL3024', buildkit: 'DuplicateStageName' }
	),
	EMPTY_CONTINUATION_LINE: warning(
		'Continued instructions have no empty lines.',
		'An empty line continues this instruction.',
		'Remove the empty line, or end the instruction before it.',
		{ buildkit: 'NoEmptyContinuation' }
	),
	INVALID_BUILD_STAGE_NAME: error(
		'Stage names are valid.',
		'`{text}` is not a valid stage name.',
		'Start a stage name with a letter and use only letters, digits, `-`, `_` and `.`.'
	),
	FLAG_AT_LEAST_ONE: error(
		'Counting flags are at least 1.',
		'`{text}` must be at least 1.',
		'Use a value of 1 or more.'
	),
	FLAG_DUPLICATE: error(
		'A flag is given once.',
		'Flag `{text}` is given more than once.',
		'Keep one of the repeated flags.'
	),
	FLAG_INVALID_DURATION: error(
		'Durations are valid.',
		'`{text}` is not a valid duration.',
		'Write durations such as `30s`, `1m30s` or `500ms`.'
	),
	FLAG_LESS_THAN_1MS: error(
		'Durations are at least 1ms.',
		'Duration `{text}` is shorter than 1ms.',
		'Use a duration of at least 1ms, or leave the flag out.'
	),
	FLAG_MISSING_DURATION: error(
		'Duration flags have a value.',
		'Flag `{text}` needs a duration.',
		'Write e.g. `--interval=30s`.'
	),
	FLAG_MISSING_VALUE: error(
		'Flags that take a value have one.',
		'Flag `{text}` needs a value.',
		'Write the flag as `--name=value`.'
	),
	FLAG_UNKNOWN_UNIT: error(
		'Durations use known units.',
		'`{text}` has a time unit Docker does not know.',
		'Use ns, us, ms, s, m or h.'
	),
	NO_SOURCE_IMAGE: error(
		'A Dockerfile starts from an image.',
		'The Dockerfile has no FROM before its first instruction.',
		'Start with `FROM image:tag`; only ARG may come before it.'
	),
	INVALID_ESCAPE_DIRECTIVE: error(
		'The escape directive is `\\` or a backtick.',
		'`{text}` is not a valid escape character.',
		'Write `# escape=\\` or `# escape=`` ` ``.'
	),
	INVALID_AS: error(
		'A stage name follows `AS`.',
		'Expected `AS` before the stage name, found `{text}`.',
		'Write `FROM image:tag AS name`.'
	),
	INVALID_DESTINATION: error(
		'With several sources the destination is a directory.',
		'Destination `{text}` must end with `/` when several sources are copied.',
		'Add a trailing `/` to the destination.',
		{ hadolint: 'DL3021' }
	),
	INVALID_PORT: error(
		'EXPOSE gets port numbers.',
		'`{text}` is not a valid port.',
		'Write a port such as `8080`, `8080/tcp` or a range `8000-8010`.'
	),
	INVALID_PROTO: error(
		'EXPOSE protocols are tcp, udp or sctp.',
		'`{text}` is not a protocol Docker knows.',
		'Use `/tcp` (the default), `/udp` or `/sctp`.'
	),
	INVALID_REFERENCE_FORMAT: error(
		'Image references are valid.',
		'`{text}` is not a valid image reference.',
		'Write `name:tag` or `name@sha256:…` in lower case.'
	),
	INVALID_SIGNAL: error(
		'STOPSIGNAL names a signal.',
		'`{text}` is not a valid signal.',
		'Use a signal name such as `SIGTERM` or a number.'
	),
	INVALID_SYNTAX: error(
		'Arguments follow the instruction syntax.',
		'`{text}` is not valid syntax here.',
		ARGS_HINT
	),
	ONBUILD_CHAINING_DISALLOWED: error(
		'ONBUILD does not trigger ONBUILD.',
		'ONBUILD cannot trigger another ONBUILD.',
		'Remove the nested ONBUILD.'
	),
	ONBUILD_TRIGGER_DISALLOWED: error(
		'ONBUILD does not trigger FROM or MAINTAINER.',
		'ONBUILD cannot trigger `{text}`.',
		'Remove this ONBUILD.'
	),
	SHELL_JSON_FORM: error(
		'SHELL is written as a JSON array.',
		'SHELL must be a JSON array, not `{text}`.',
		'Write e.g. `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`.'
	),
	SHELL_REQUIRES_ONE: error(
		'SHELL names a program.',
		'SHELL needs at least one element.',
		'Write e.g. `SHELL ["/bin/bash", "-c"]`.'
	),
	SYNTAX_MISSING_EQUALS: error(
		'`name=value` pairs have their `=`.',
		'`{text}` needs `=` between the name and the value.',
		'Write `NAME=value`.'
	),
	SYNTAX_MISSING_NAMES: error(
		'`name=value` pairs have a name.',
		'A name is missing before `=` in `{text}`.',
		'Write `NAME=value`.'
	),
	SYNTAX_MISSING_SINGLE_QUOTE: error(
		'Single quotes are closed.',
		'A single quote is not closed in `{text}`.',
		"Close the quote with `'`."
	),
	SYNTAX_MISSING_DOUBLE_QUOTE: error(
		'Double quotes are closed.',
		'A double quote is not closed in `{text}`.',
		'Close the quote with `"`.'
	),
	MULTIPLE_INSTRUCTIONS: warning(
		'A stage has one CMD, one ENTRYPOINT and one HEALTHCHECK.',
		'Only the last `{text}` of a stage takes effect.',
		'Keep one of them, the one you mean.',
		{ hadolint: 'DL4003', buildkit: 'MultipleInstructionsDisallowed' }
	),
	UNKNOWN_INSTRUCTION: error(
		'Every line is an instruction, a comment or part of one.',
		'`{text}` is not a Dockerfile instruction.',
		'Check the spelling. If these lines belong to a heredoc, write its marker right after RUN or COPY, e.g. `RUN <<EOF`.'
	),
	UNKNOWN_ADD_FLAG: error(
		'ADD gets only the flags it knows.',
		'ADD has no flag `{text}`.',
		'ADD knows --chown, --chmod, --link, --checksum, --keep-git-dir, --exclude and --unpack.'
	),
	UNKNOWN_COPY_FLAG: error(
		'COPY gets only the flags it knows.',
		'COPY has no flag `{text}`.',
		'COPY knows --from, --chown, --chmod, --link, --parents and --exclude.'
	),
	UNKNOWN_FROM_FLAG: error(
		'FROM gets only the flags it knows.',
		'FROM has no flag `{text}`.',
		'FROM knows only --platform.'
	),
	UNKNOWN_HEALTHCHECK_FLAG: error(
		'HEALTHCHECK gets only the flags it knows.',
		'HEALTHCHECK has no flag `{text}`.',
		'HEALTHCHECK knows --interval, --timeout, --start-period, --start-interval and --retries.'
	),
	UNKNOWN_TYPE: error(
		'HEALTHCHECK is CMD or NONE.',
		'`{text}` is not a HEALTHCHECK type.',
		'Write `HEALTHCHECK CMD …` or `HEALTHCHECK NONE`.'
	),
	UNSUPPORTED_MODIFIER: error(
		'Variables use modifiers Docker supports.',
		'`{text}` uses a variable modifier Docker does not support.',
		'Use `${VAR:-default}` or `${VAR:+alternative}`.'
	),
	DEPRECATED_MAINTAINER: warning(
		'MAINTAINER is replaced by a label.',
		'MAINTAINER is deprecated.',
		'Write `LABEL org.opencontainers.image.authors="you@example.org"` instead.',
		{ hadolint: 'DL4000', buildkit: 'MaintainerDeprecated' }
	),
	HEALTHCHECK_CMD_ARGUMENT_MISSING: error(
		'HEALTHCHECK CMD gets a command.',
		'HEALTHCHECK CMD needs a command after `{text}`.',
		'Write e.g. `HEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1`.'
	),
	FLAG_INVALID_FROM_VALUE: error(
		'`--from` names a stage or an image.',
		'`{text}` is not a valid `--from` value.',
		'Write `--from=<stage name>` or `--from=<image>`.'
	),
	FLAG_EXPECTED_BOOLEAN_VALUE: {
		...error(
			'Boolean flags are true or false.',
			'`{text}` must be `true` or `false`.',
			'Write e.g. `--link` or `--link=false`.'
		),
		aliases: ['FLAG_INVALID_LINK_VALUE'],
	},
	JSON_IN_SINGLE_QUOTES: error(
		'JSON arrays use double quotes.',
		'This array uses single quotes, so Docker runs it as a shell command: `{text}`.',
		'Use double quotes: `CMD ["python", "app.py"]`.'
	),
	WORKDIR_IS_NOT_ABSOLUTE: warning(
		'WORKDIR paths are absolute.',
		'WORKDIR `{text}` is a relative path.',
		'Start the path with `/`, e.g. `WORKDIR /app`.',
		{ hadolint: 'DL3000', buildkit: 'WorkdirRelativePath' }
	),
	BASE_NAME_EMPTY: error(
		'FROM names an image after ARG expansion.',
		'`{text}` expands to an empty image name.',
		'Give the ARG a default value before the first FROM, e.g. `ARG BASE=python:3.12-slim`.'
	),
	DUPLICATED_ESCAPE_DIRECTIVE: error(
		'The escape directive is given once.',
		'The escape directive is given more than once.',
		'Keep one `# escape=` line.'
	),
} satisfies Record<string, CorrectnessEntry>;
