/**
 * Tests evaluate code inside extension pages, where `chrome` is the real extension API.
 * Only what the tests call is declared; the extension's own code goes through
 * webextension-polyfill and never touches this global.
 */
declare namespace chrome {
  namespace runtime {
    function getManifest(): { name: string; manifest_version: number; permissions?: string[]; [key: string]: unknown };
    function getContexts(filter: { contextTypes: string[] }): Promise<{ documentUrl?: string }[]>;
  }
  namespace sidePanel {
    function setOptions(options: { enabled: boolean }): Promise<void>;
  }
  namespace tabs {
    function query(filter: Record<string, unknown>): Promise<{ id?: number; url?: string; active?: boolean }[]>;
    function sendMessage(tabId: number, message: unknown): Promise<unknown>;
  }
  namespace storage {
    const local: {
      get(key?: string | string[] | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      clear(): Promise<void>;
    };
    const onChanged: {
      addListener(
        listener: (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, area: string) => void,
      ): void;
    };
  }
}
