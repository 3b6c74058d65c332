// The e2e folder and the repository root, for scripts that must not start anything (harness.mjs starts processes).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const e2eDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = resolve(e2eDir, '..', '..');
