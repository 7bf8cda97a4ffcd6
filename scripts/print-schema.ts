import { writeFileSync } from 'node:fs';
import { printGatewaySchema } from '../src/schema/index.js';
import { buildSubgraphSchema, printSubgraph } from '../src/subgraph/schema.js';

// Writes schema.graphql and subgraph.graphql (the SDL a federation router composes, as served
// with GANTRY_SUBGRAPH=true); test/schema/schema-drift.test.ts fails when either committed file differs.
writeFileSync(new URL('../schema.graphql', import.meta.url), printGatewaySchema());
writeFileSync(new URL('../subgraph.graphql', import.meta.url), printSubgraph(buildSubgraphSchema()));
console.log('wrote schema.graphql and subgraph.graphql');
