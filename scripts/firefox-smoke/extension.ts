/** The Firefox build under test. */
import { resolve } from 'node:path';

export const EXTENSION_DIR = resolve('.output/firefox-mv2');
/** The add-on id in the Firefox manifest (wxt.config.ts). */
export const GECKO_ID = 'backstory@backstory-reader.org';
