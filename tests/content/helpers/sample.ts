import { readMdx, type MdxFile } from './mdx.js';

/** A complete, valid chapter frontmatter (16 lines) for in-memory test chapters. */
export const FRONTMATTER = `---
title: Meet Spin
kind: session
order: 1
summary: What Spin is, which services fit it, and how it keeps them safe.
questions:
  - What is Spin?
objectives:
  - Describe what Spin runs.
keypoints:
  - Spin runs containers.
teaching: 40
exercises: 15
videos: [spin-overview]
exerciseIds: [security-first-look]
---
`;

/** The first body line of a sample chapter. */
export const BODY_LINE = 17;

/** Reads an in-memory chapter `sample.mdx`: the given frontmatter (default: valid) and body. */
export function sample(body: string, frontmatter = FRONTMATTER): MdxFile {
	return readMdx('sample.mdx', frontmatter + body);
}

/** A body that satisfies every chapter check for the sample frontmatter. */
export const GOOD_BODY = `Intro with a [capability](/glossary/#capability).

## First section

<Video id="spin-overview" />

<Exercise id="security-first-look" />

<InstructorNote>

Timing.

</InstructorNote>
`;
