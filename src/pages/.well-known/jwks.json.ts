import type { APIRoute } from 'astro';
import { jsonResponse, publishedJwks } from '../credentials/_published.js';

/** Serves the issuer's public keys from `keys/jwks.json` (empty until staff run `keygen`). */
export const GET: APIRoute = () => jsonResponse(publishedJwks());
