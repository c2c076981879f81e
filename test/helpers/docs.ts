import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** README first, then the guides in the order a reader of several would take them. */
export const DOC_FILES = [
  'README.md',
  'docs/frontend.md',
  'docs/partners.md',
  'docs/analysts.md',
  'docs/cluster-unit.md',
  'docs/importing.md',
  'docs/operators.md',
  'docs/contributors.md',
];

/** A documentation file's text, by its path from the project root. */
export function readDoc(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8');
}

/** One shell command as a reader would paste it: backslash continuations joined, comment cut. */
export interface DocCommand {
  file: string;
  line: string;
}

/** Every command line of the ```sh blocks of every documentation file. */
export function shellCommands(): DocCommand[] {
  const commands: DocCommand[] = [];
  for (const file of DOC_FILES) {
    for (const [, block] of readDoc(file).matchAll(/```sh\n([\s\S]*?)```/g)) {
      const joined = block.replace(/\\\n\s*/g, ' ');
      for (const raw of joined.split('\n')) {
        const line = raw.replace(/^\$ /, '').replace(/\s+#.*$/, '').trim();
        if (line && !line.startsWith('#')) commands.push({ file, line });
      }
    }
  }
  return commands;
}
