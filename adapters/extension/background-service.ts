/** The background's message handlers and command wiring. */
export function startBackground(): void {}
