/**
 * How many messages each contact sent in the last minute, kept in memory: a
 * flood needs no durable record to be noticed (the messages themselves are
 * recorded), and counting them in SQLite cost a query every turn. Only the
 * contacts heard from in the last minute are kept.
 */
const WINDOW_MS = 60_000;
/** Past this many contacts, the ones quiet for a minute are dropped. */
const SWEEP_AT = 5_000;

export class FloodWindow {
  private readonly arrivals = new Map<number, number[]>();

  /** Records an arrival at `nowMs` and returns the contact's arrivals in the minute up to it. */
  arrive(contactId: number, nowMs: number): number {
    let list = this.arrivals.get(contactId);
    if (!list) {
      if (this.arrivals.size >= SWEEP_AT) this.sweep(nowMs);
      this.arrivals.set(contactId, (list = []));
    }
    let old = 0;
    while (old < list.length && list[old]! <= nowMs - WINDOW_MS) old++;
    if (old > 0) list.splice(0, old);
    list.push(nowMs);
    return list.length;
  }

  get size(): number {
    return this.arrivals.size;
  }

  private sweep(nowMs: number): void {
    for (const [id, list] of this.arrivals) if (list[list.length - 1]! <= nowMs - WINDOW_MS) this.arrivals.delete(id);
  }
}
