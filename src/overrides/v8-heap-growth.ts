import { setFlagsFromString } from 'node:v8';

/**
 * Bounds how far V8 lets the old generation grow past what survived its last full collection
 * (GANTRY_HEAP_GROWTH_PERCENT). V8's own sizing lets an idle-looking heap grow to several times
 * its live size between full collections; a gateway's request garbage dies young, so keeping
 * the old generation near the live heap costs ordinary queries nothing measurable and bounds
 * the RSS an operator has to budget for. V8 reads the flag at every full collection, so it can
 * be set after start-up (unlike the heap sizes; and NODE_OPTIONS refuses it, hence a setting).
 */
export function boundHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
