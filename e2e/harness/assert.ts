/** Assertions for the browser tests: node's own, plus polling for what appears later. */
export { strict as assert } from 'node:assert';

/** Polls `probe` until it returns a truthy value, or fails with `what` after `ms`. */
export async function eventually<T>(what: string, probe: () => Promise<T> | T, ms = 5_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
