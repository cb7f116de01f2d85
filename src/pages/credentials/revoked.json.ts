import type { APIRoute } from 'astro';
import { jsonResponse, publishedRevocations } from './_published.js';

/** Serves the revocation list from `keys/revoked.json`. */
export const GET: APIRoute = () => jsonResponse(publishedRevocations());
