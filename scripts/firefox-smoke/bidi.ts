/**
 * A WebDriver BiDi client over Node's own WebSocket: commands are JSON messages with an
 * id; events come without one.
 */

export type Json = Record<string, unknown>;

export class Bidi {
  private nextId = 1;
  private readonly pending = new Map<number, { done: (v: Json) => void; fail: (e: Error) => void }>();
  private readonly listeners: ((method: string, params: Json) => void)[] = [];

  private constructor(private readonly ws: WebSocket) {
    ws.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as Json;
      if (typeof message.id === 'number') {
        const waiter = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.type === 'error') waiter?.fail(new Error(`${message.error}: ${message.message}`));
        else waiter?.done(message.result as Json);
      } else if (message.type === 'event') {
        for (const listener of this.listeners) listener(message.method as string, message.params as Json);
      }
    });
  }

  static async connect(url: string): Promise<Bidi> {
    const ws = new WebSocket(url);
    await new Promise<void>((done, fail) => {
      ws.addEventListener('open', () => done(), { once: true });
      ws.addEventListener('error', () => fail(new Error(`cannot connect to ${url}`)), { once: true });
    });
    return new Bidi(ws);
  }

  send<T = Json>(method: string, params: Json = {}): Promise<T> {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ id, method, params }));
    return new Promise<Json>((done, fail) => this.pending.set(id, { done, fail })) as Promise<T>;
  }

  on(listener: (method: string, params: Json) => void): void {
    this.listeners.push(listener);
  }

  close(): void {
    this.ws.close();
  }
}
