/** "Did you mean …?" lives in src/suggest.ts, shared by every stage. */
export { editDistance, suggest } from '../suggest.js';
