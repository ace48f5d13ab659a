import type { Person } from '../domain/person.ts';
import type { Database } from '../store/database.ts';
import { insertPeopleLogged, type Registration } from '../store/repos/people.ts';

// Registrations that arrive while others are being written wait, and are then written together in
// one statement (group commit). Nothing waits on a timer: a registration that finds the database idle
// is written at once, alone; under load each batch holds what arrived during the previous write. A
// registration is answered only once the statement holding it has committed, and every registration
// is written whole (person, guardian links, operation) or not at all, as when written alone.

const maxBatch = 100;

interface Job {
  registration: Registration;
  /** Written in a statement of its own: set after a batch holding it was refused by the database. */
  alone: boolean;
  resolve(person: Person | undefined): void;
  reject(error: unknown): void;
}

const idOf = (job: Job): string => job.registration.person.id.toLowerCase();

class RegistrationQueue {
  private waiting: Job[] = [];
  private writing = 0;
  private scheduled = false;

  constructor(
    private readonly db: Database,
    private readonly parallel: number,
  ) {}

  write(registration: Registration): Promise<Person | undefined> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ registration, alone: false, resolve, reject });
      // Start writing once the requests already received have been read: the embedded database works
      // synchronously, so without this pause every registration would find it idle and go alone.
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  private pump(): void {
    while (this.writing < this.parallel && this.waiting.length > 0) {
      const batch = this.take();
      this.writing++;
      void this.writeBatch(batch).finally(() => {
        this.writing--;
        this.pump();
      });
    }
  }

  /** The next batch, oldest first. An id appears at most once in a statement, so a repeat waits. */
  private take(): Job[] {
    const first = this.waiting[0]!;
    if (first.alone) return this.waiting.splice(0, 1);
    const batch: Job[] = [];
    const ids = new Set<string>();
    const rest: Job[] = [];
    for (const job of this.waiting) {
      if (batch.length < maxBatch && !job.alone && !ids.has(idOf(job))) {
        ids.add(idOf(job));
        batch.push(job);
      } else rest.push(job);
    }
    this.waiting = rest;
    return batch;
  }

  private async writeBatch(batch: Job[]): Promise<void> {
    let written: Map<string, Person>;
    try {
      written = await insertPeopleLogged(
        this.db,
        batch.map((job) => job.registration),
      );
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      // The database refused the statement (a value it cannot read, say) and wrote none of it: each
      // registration is written alone, so that only the faulty one fails, with its own error.
      for (const job of batch) job.alone = true;
      this.waiting.unshift(...batch);
      return;
    }
    for (const job of batch) job.resolve(written.get(idOf(job)));
  }
}

const queues = new WeakMap<Database, RegistrationQueue>();

/**
 * Writes a registration together with those arriving at the same time. Resolves to the person as
 * written, or to undefined when a rule (a reference, a duplicate id) held it back.
 */
export function writeRegistration(db: Database, registration: Registration): Promise<Person | undefined> {
  let queue = queues.get(db);
  if (!queue) {
    // PGlite is one connection. On PostgreSQL a few statements at once keep the server's cores and its
    // commits busy while leaving the pool's other connections to the rest of the API.
    queue = new RegistrationQueue(db, db.backend === 'pglite' ? 1 : 4);
    queues.set(db, queue);
  }
  return queue.write(registration);
}
