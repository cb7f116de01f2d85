/** One cue of a WebVTT transcript: start time in seconds and its text. */
export interface Cue {
	start: number;
	end: number;
	text: string;
}

/** Parses `hh:mm:ss.mmm` or `mm:ss.mmm` into seconds; NaN when malformed. */
export function parseTimestamp(value: string): number {
	const match = /^(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(value.trim());
	if (!match) return Number.NaN;
	const [, h = '0', m = '0', s = '0', ms = '0'] = match;
	return Number(h) * 3600 + Number(m) * 60 + Number(s) + Number(ms.padEnd(3, '0')) / 1000;
}

/** Parses WebVTT text into cues; ignores headers, notes, styles and malformed blocks. */
export function parseVtt(text: string): Cue[] {
	const blocks = text.replace(/\r\n?/g, '\n').split(/\n{2,}/);
	const cues: Cue[] = [];
	for (const block of blocks) {
		const lines = block.split('\n').filter((l) => l.trim() !== '');
		const timingIndex = lines.findIndex((l) => l.includes('-->'));
		if (timingIndex < 0) continue;
		const [from = '', rest = ''] = (lines[timingIndex] ?? '').split('-->');
		const start = parseTimestamp(from);
		const end = parseTimestamp(rest.trim().split(/\s+/)[0] ?? '');
		const body = lines
			.slice(timingIndex + 1)
			.join(' ')
			.replace(/<[^>]*>/g, '')
			.trim();
		if (Number.isFinite(start) && Number.isFinite(end) && body)
			cues.push({ start, end, text: body });
	}
	return cues;
}

/** Formats seconds as m:ss or h:mm:ss. */
export function formatTime(seconds: number): string {
	const total = Math.max(0, Math.floor(seconds));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = String(total % 60).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
