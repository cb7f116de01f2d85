import type { APIRoute } from 'astro';
import { issuerDocument, jsonResponse } from './_published.js';

/** Serves the Open Badges issuer profile as JSON-LD. */
export const GET: APIRoute = () => jsonResponse(issuerDocument());
