import { writeFileSync } from 'node:fs';
import { printGatewaySchema } from '../src/schema/index.js';

// Writes schema.graphql; test/schema/schema-drift.test.ts fails when the committed file differs.
writeFileSync(new URL('../schema.graphql', import.meta.url), printGatewaySchema());
console.log('wrote schema.graphql');
