/** The cellgraph release, written into every result's provenance. Kept equal to package.json's
 * version by src/core/provenance.test.ts (a constant, so src/core needs no JSON import or fs). */
export const CELLGRAPH_VERSION = '0.1.0';
