/**
 * The compiled corpus (generated/records.json, built by `npm run corpus:build`), for
 * tests that check behaviour on the real names; BACKSTORY_RECORDS points elsewhere
 * (another build of it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CorpusRecords } from '../../engine/types';

export const RECORDS_PATH = resolve(process.env.BACKSTORY_RECORDS ?? 'generated/records.json');

export function loadBundledRecords(): CorpusRecords {
  if (!existsSync(RECORDS_PATH)) {
    throw new Error(
      `${RECORDS_PATH} is missing: run "npm run corpus:build" first (these tests run on the real corpus)`,
    );
  }
  return JSON.parse(readFileSync(RECORDS_PATH, 'utf8')) as CorpusRecords;
}
