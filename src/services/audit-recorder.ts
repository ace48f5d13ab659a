// Records reads of personal data the way a database commits a group: a read waits until its entry
// is committed (a read that could not be recorded is not answered), but reads that arrive while an
// insert is in flight are written together by the next one. Under load one transaction records many
// reads, instead of each read paying for a transaction and a flush of the log of its own.
import type { Database } from '../store/database.ts';
import { appendAudit, type NewAuditEntry } from '../store/repos/audit.ts';

/** The most entries one insert carries (7 parameters each, far below PostgreSQL's 65,535). */
const maxGroup = 500;

interface Waiting {
  entry: NewAuditEntry;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class AuditRecorder {
  private waiting: Waiting[] = [];
  private writing = false;

  constructor(private readonly db: Database) {}

  /** Resolves once the entry is committed to audit_pending; rejects if it could not be. */
  record(entry: NewAuditEntry): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ entry, resolve, reject });
      if (!this.writing) void this.write();
    });
  }

  private async write(): Promise<void> {
    this.writing = true;
    while (this.waiting.length > 0) {
      const group = this.waiting.splice(0, maxGroup);
      try {
        await appendAudit(this.db, ...group.map((w) => w.entry));
        for (const w of group) w.resolve();
      } catch (error) {
        for (const w of group) w.reject(error);
      }
    }
    this.writing = false;
  }
}
