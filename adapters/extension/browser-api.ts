/**
 * The one place the extension API comes from. webextension-polyfill gives Chrome the
 * promise-based `browser.*` API Firefox has, so every adapter is written once; tests
 * replace this module instead of faking globals.
 */
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs } from 'webextension-polyfill';
