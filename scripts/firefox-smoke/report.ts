/** The checks' results: a PASS or FAIL line as each is recorded, and the summary at the end. */
import { SCREENSHOT_DIR } from './screenshots';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}
const checks: Check[] = [];

export function record(name: string, ok: boolean, detail = ''): boolean {
  checks.push({ name, ok, detail });
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? ` — ${detail}` : ''}`);
  return ok;
}

/** Runs one step; a step that throws fails with its message and the next step still runs. */
export async function step(name: string, body: () => Promise<string | void>): Promise<boolean> {
  try {
    const detail = await body();
    return record(name, true, detail ?? '');
  } catch (error) {
    return record(name, false, error instanceof Error ? error.message : String(error));
  }
}

/** Prints how many checks passed and which failed; the exit code: 1 on any failure. */
export function summary(): number {
  const failed = checks.filter((c) => !c.ok);
  console.log(
    `\n${checks.length - failed.length} of ${checks.length} checks passed; screenshots in ${SCREENSHOT_DIR}/`,
  );
  if (failed.length) console.log(`FAILED: ${failed.map((c) => c.name).join('; ')}`);
  return failed.length ? 1 : 0;
}
