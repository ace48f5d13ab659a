// Writes Corridor's field form for KoboToolbox and ODK Collect, docs/xlsform/corridor-field.xlsx,
// from its definition in src/submissions/form.ts (review changes there). Run: npx tsx scripts/write-xlsform.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { xlsformSheets } from '../src/submissions/xlsform.ts';
import { writeXlsx } from '../src/submissions/xlsx.ts';

const out = fileURLToPath(new URL('../docs/xlsform/corridor-field.xlsx', import.meta.url));
writeFileSync(out, writeXlsx(xlsformSheets()));
process.stdout.write(`wrote ${out}\n`);
