import type { DockerfileDoc, Instruction } from '../../dockerfile/types.js';
import { defineRule, type Report } from '../../types.js';

const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;
const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tzst|gz|bz2|xz|zst|lz|lzma)$/i;
const REMOTE_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

/** The sources of an ADD: every argument but the destination. */
function sources(ins: Instruction): string[] {
	const all = ins.exec ?? ins.args.map((word) => word.value);
	return all.slice(0, -1);
}

export default defineRule<DockerfileDoc, 'add'>({
	id: 'docker/copy-not-add',
	kind: 'dockerfile',
	family: 'practice',
	severity: 'warning',
	description: 'Local files are copied with COPY; ADD is kept for URLs and archives.',
	messages: {
		add: 'ADD copies only local files here; COPY does the same without ADD’s URL fetching and archive unpacking.',
	},
	hint: 'Replace ADD with COPY. Keep ADD only to fetch a URL or to unpack a local tar archive.',
	refs: { hadolint: 'DL3020' },
	check({ doc }) {
		const reports: Report<'add'>[] = [];
		for (const instruction of doc.instructions) {
			const ins = instruction.keyword === 'ONBUILD' ? instruction.trigger : instruction;
			if (!ins || ins.keyword !== 'ADD') continue;
			if (ins.flags.some((flag) => REMOTE_FLAGS.has(flag.name))) continue;
			const list = sources(ins);
			if (list.length === 0) continue;
			if (list.some((s) => REMOTE.test(s) || ARCHIVE.test(s) || s.includes('$'))) continue;
			reports.push({ messageId: 'add', range: ins.keywordRange });
		}
		return reports;
	},
});
