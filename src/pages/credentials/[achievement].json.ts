import type { APIRoute, GetStaticPaths } from 'astro';
import { ACHIEVEMENT_SLUG, achievementDocument, jsonResponse } from './_published.js';

/** One JSON document per published achievement: the current course version's. */
export const getStaticPaths = (() => [
	{ params: { achievement: ACHIEVEMENT_SLUG } },
]) satisfies GetStaticPaths;

/** Serves the Open Badges achievement as JSON-LD. */
export const GET: APIRoute = () => jsonResponse(achievementDocument());
