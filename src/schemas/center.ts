/** The center schema lives in the pure core, which the validators share; re-exported for content. */
export { CenterSchema, type Center, type CenterInput } from '../core/center.js';
