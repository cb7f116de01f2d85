import { describe, expect, test } from 'vitest';
import { formatTime, parseTimestamp, parseVtt } from '../../../../src/core/video/vtt.js';

describe('parseVtt', () => {
	test('reads cues and skips the header, notes and malformed blocks', () => {
		const vtt = `WEBVTT

NOTE written by hand

1
00:00:01.000 --> 00:00:04.500
Hello <b>Spin</b>

00:01:05.250 --> 00:01:07.000 align:start
Second line
continues here

broken --> cue
text`;
		expect(parseVtt(vtt)).toEqual([
			{ start: 1, end: 4.5, text: 'Hello Spin' },
			{ start: 65.25, end: 67, text: 'Second line continues here' },
		]);
	});
});

describe('parseTimestamp', () => {
	test('reads hours, minutes and seconds', () => {
		expect(parseTimestamp('01:02:03.5')).toBe(3723.5);
		expect(parseTimestamp('nonsense')).toBeNaN();
	});
});

describe('formatTime', () => {
	test('formats minutes and hours', () => {
		expect(formatTime(65)).toBe('1:05');
		expect(formatTime(3723)).toBe('1:02:03');
	});
});
