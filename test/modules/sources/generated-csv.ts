import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

// A large CSV of distinct events for the import size test and the benchmark's import
// shape: about 55 bytes a row (130 000 rows are the 7 MB), every row its own id,
// title and start (one every 10 minutes), all in one town so every row lands.

/** The row of number n (from 1). */
export function csvRow(n: number): string {
  const start = new Date(Date.UTC(2027, 0, 1, 7, 0) + n * 600_000);
  const two = (x: number) => String(x).padStart(2, '0');
  const day = `${two(start.getUTCDate())}.${two(start.getUTCMonth() + 1)}.${start.getUTCFullYear()}`;
  return `r${n};Netzwerktreffen ${n};${day} ${two(start.getUTCHours())}:${two(start.getUTCMinutes())};79539;Lörrach\n`;
}

/** Writes a CSV of `rows` events to `path` (streamed: the file is never a string whole). */
export async function writeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('id;Titel;Beginn;PLZ;Ort\n');
  for (let n = 1; n <= rows; n += 1) {
    if (!out.write(csvRow(n))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}
