export { wilson, Z95 } from './wilson.js';
export { percentileSorted, mean, sortedCopy } from './percentile.js';
