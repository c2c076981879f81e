import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printGatewaySchema } from '../server/schema';
import { projectRoot } from '../shared/paths';

// Writes schema/schema.graphql from the code: the checked-in SDL is a build artifact, and
// test/server/schema-drift.test.ts fails when someone forgets to run this.
const path = join(projectRoot(), 'schema', 'schema.graphql');
writeFileSync(path, printGatewaySchema());
process.stdout.write(`wrote ${path}\n`);
