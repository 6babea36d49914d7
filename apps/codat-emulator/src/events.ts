/** Codat webhook event types the emulator raises. */
export type CodatEventType =
  | 'company.created'
  | 'company.deleted'
  | 'connection.created'
  | 'connection.connected'
  | 'connection.failed'
  | 'connection.disconnected'
  | 'connection.reconnected'
  | 'connection.deleted'
  | 'read.completed'
  | 'read.completed.initial';

export interface CodatEvent {
  eventType: CodatEventType;
  companyId: string;
  payload: Record<string, unknown>;
}

type Listener = (event: CodatEvent) => void;

/** Domain code announces what happened; the webhook dispatcher (and tests) listen. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: CodatEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
