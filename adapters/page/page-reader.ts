import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Reads the page and wires highlights and cards. Filled in by the hover-card work. */
export function startPageReader(_ctx: ContentScriptContext): void {}
