import pg from 'pg';
import { currentLane } from './lanes.js';

type Connected = (error: Error | undefined, client: pg.PoolClient | undefined, done: pg.PoolClient['release']) => void;

/**
 * The pool of connections to PostgreSQL, which holds the background lane (lanes.ts) to one
 * connection at a time: the sync's statements and the summaries taken in the background run one
 * after another, so requests' statements keep the rest of the server's CPUs. Measured at 100,000
 * companies on 2 cores: the summaries' six statements, taken at once when a sync completed, delayed
 * a companies list by 200 ms; one at a time, by 56 ms at most. Requests' statements are not held back.
 *
 * Background code never runs a statement outside a transaction it holds open and waits for it
 * (that would wait for its own connection); embedded PGlite, one statement or transaction at a
 * time, would hang on the same code.
 */
export class PoolWithLanes extends pg.Pool {
  /** Settles when the background connection last handed out is released. */
  #backgroundFree: Promise<void> = Promise.resolve();

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: Connected): void;
  override connect(callback?: Connected): Promise<pg.PoolClient> | void {
    if (currentLane() === 'request') return callback ? super.connect(callback) : super.connect();
    const connected = this.#backgroundConnection();
    if (!callback) return connected;
    connected.then(
      (client) => callback(undefined, client, client.release),
      (error: Error) => callback(error, undefined, () => undefined),
    );
  }

  /**
   * A connection once the background's previous one is released or lost; either lets the next go.
   * Lost counts too: drizzle never releases a connection whose `begin` failed.
   */
  async #backgroundConnection(): Promise<pg.PoolClient> {
    const previous = this.#backgroundFree;
    let free!: () => void;
    this.#backgroundFree = new Promise((resolve) => (free = resolve));
    await previous;
    try {
      const client = await super.connect();
      const release = client.release;
      client.once('end', free);
      client.release = (error) => {
        client.removeListener('end', free);
        free();
        return release.call(client, error);
      };
      return client;
    } catch (error) {
      free();
      throw error;
    }
  }
}
