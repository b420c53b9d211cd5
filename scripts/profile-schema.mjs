// Writes schema/regauth-profile.schema.json from the targets' declarations:
//   node --import tsx scripts/profile-schema.mjs
// test/profile/schema-file.test.ts fails when the committed file differs from what this writes.
import {writeFileSync} from 'node:fs';
import {SCHEMA_FILE, schemaText} from '../source/profile/team-schema.ts';

writeFileSync(new URL(`../${SCHEMA_FILE}`, import.meta.url), schemaText());
console.log(`wrote ${SCHEMA_FILE}`);
