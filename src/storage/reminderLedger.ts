import { z } from 'zod';
import { odata, type TransactionAction } from '@azure/data-tables';
import type { ClaimOutcome, ClaimRecord, Leases as LeasesPort, LedgerSnapshot, ReminderLedger as ReminderLedgerPort } from '../app/ports';
import type { IsoDate } from '../domain/calendarDate';
import { getOrNull, hasStatus, keyPart, type TableStore } from './tables';

/**
 * Key design. Reminders: PK `{org}`; RK `c|{group}|{occurrence}|{offset}|{recipient}` for a
 * claim (one per reminder and recipient), `d|{group}|{occurrence}` when the occurrence is
 * marked done, `a|{group}|{occurrence}|{recipient}` when a recipient responded. Every row has
 * `deadline`, so a sweep loads what is still relevant with one filtered partition query.
 * A claim is inserted before sending (insert-if-absent) and completed with its ETag after.
 */
export type { ClaimRecord, ClaimStatus, LedgerSnapshot } from '../app/ports';

const claimRow = z.object({
  rowKey: z.string(),
  etag: z.string(),
  status: z.enum(['claimed', 'sending', 'sent', 'failed', 'undeliverable']),
  claimedBy: z.string(),
  claimedAt: z.string(),
  sweeps: z.number().int(),
  token: z.string().optional(),
  nextAttemptAt: z.string().optional(),
});

/** The org prefix of a reminder id is the partition; the rest is the row key. */
const claimKey = (org: string, reminderId: string) => `c|${keyPart(reminderId.slice(org.length + 1))}`;
const unkey = (s: string) => s.replace(/%([0-9a-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

export class ReminderLedger implements ReminderLedgerPort {
  constructor(private readonly store: TableStore) {}

  /** Claims, done marks and responses for deadlines on or after `from`: one query per organisation. */
  async load(org: string, from: IsoDate): Promise<LedgerSnapshot> {
    const snapshot: LedgerSnapshot = { claims: new Map(), done: new Set(), acknowledged: new Set() };
    const filter = odata`PartitionKey eq ${keyPart(org)} and deadline ge ${from}`;
    for await (const e of this.store.table('Reminders').listEntities({ queryOptions: { filter } })) {
      const rk = e.rowKey ?? '';
      const rest = `${org}|${unkey(rk.slice(2))}`;
      if (rk.startsWith('c|')) {
        const c = claimRow.parse(e);
        snapshot.claims.set(rest, {
          reminderId: rest,
          status: c.status,
          claimedBy: c.claimedBy,
          claimedAt: c.claimedAt,
          sweeps: c.sweeps,
          etag: c.etag,
          ...(c.token !== undefined ? { token: c.token } : {}),
          nextAttemptAt: c.nextAttemptAt ?? null,
        });
      } else if (rk.startsWith('d|')) snapshot.done.add(rest);
      else if (rk.startsWith('a|')) snapshot.acknowledged.add(rest);
    }
    return snapshot;
  }

  /**
   * Claims reminders not yet claimed (state `claimed`: ours, nothing sent yet), in batches of
   * 100 (one partition, one request each). A batch that meets a claim made meanwhile falls back
   * to one insert per reminder, so each reminder is claimed by exactly one sweeper; with a token,
   * a retry recognises its own claim whose answer was lost. Returns the claims won.
   */
  async claimNew(org: string, reminders: readonly { id: string; deadline: IsoDate; token?: string }[], by: string, at: Date): Promise<ClaimRecord[]> {
    const table = this.store.table('Reminders');
    const won: ClaimRecord[] = [];
    const entity = (r: { id: string; deadline: IsoDate; token?: string }) => ({
      partitionKey: keyPart(org),
      rowKey: claimKey(org, r.id),
      deadline: r.deadline,
      status: 'claimed',
      claimedBy: by,
      claimedAt: at.toISOString(),
      sweeps: 1,
      ...(r.token !== undefined ? { token: r.token } : {}),
    });
    const record = (r: { id: string; token?: string }, etag: string): ClaimRecord => ({
      reminderId: r.id,
      status: 'claimed',
      claimedBy: by,
      claimedAt: at.toISOString(),
      sweeps: 1,
      etag,
      ...(r.token !== undefined ? { token: r.token } : {}),
      nextAttemptAt: null,
    });
    for (let i = 0; i < reminders.length; i += 100) {
      const batch = reminders.slice(i, i + 100);
      try {
        const res = await table.submitTransaction(batch.map((r): TransactionAction => ['create', entity(r)]));
        batch.forEach((r, j) => won.push(record(r, res.subResponses[j]?.etag ?? '')));
      } catch (e) {
        if (!hasStatus(e, 409)) throw e;
        for (const r of batch) {
          try {
            const res = await table.createEntity(entity(r));
            won.push(record(r, res.etag ?? ''));
          } catch (inner) {
            if (!hasStatus(inner, 409)) throw inner;
            if (r.token === undefined) continue;
            const current = await this.readClaim(org, r.id);
            if (current !== null && current.token === r.token) won.push(record(r, current.etag));
          }
        }
      }
    }
    return won;
  }

  /** Takes over a stale `claimed`, a failed or an undeliverable claim (ETag-guarded), as `claimed`. */
  async reclaim(org: string, claim: ClaimRecord, by: string, at: Date, token?: string): Promise<ClaimRecord | null> {
    const taken: ClaimRecord = {
      ...claim,
      status: 'claimed',
      claimedBy: by,
      claimedAt: at.toISOString(),
      sweeps: claim.sweeps + 1,
      etag: '',
      nextAttemptAt: null,
      ...(token !== undefined ? { token } : {}),
    };
    try {
      const res = await this.store.table('Reminders').updateEntity(
        {
          partitionKey: keyPart(org),
          rowKey: claimKey(org, claim.reminderId),
          status: 'claimed',
          claimedBy: by,
          claimedAt: at.toISOString(),
          sweeps: claim.sweeps + 1,
          nextAttemptAt: '',
          ...(token !== undefined ? { token } : {}),
        },
        'Merge',
        { etag: claim.etag },
      );
      return { ...taken, etag: res.etag ?? '' };
    } catch (e) {
      if (!hasStatus(e, 412) && !hasStatus(e, 404)) throw e;
    }
    if (token === undefined) return null;
    const current = await this.readClaim(org, claim.reminderId);
    return current !== null && current.token === token ? { ...taken, etag: current.etag } : null;
  }

  /** Records the outcome of a claim we hold. False when someone else took it over meanwhile. */
  async complete(org: string, claim: ClaimRecord, outcome: ClaimOutcome): Promise<boolean> {
    const nextAttemptAt = outcome.nextAttemptAt ? outcome.nextAttemptAt.toISOString() : '';
    try {
      await this.store.table('Reminders').updateEntity(
        {
          partitionKey: keyPart(org),
          rowKey: claimKey(org, claim.reminderId),
          status: outcome.status,
          via: outcome.via,
          detail: outcome.detail,
          completedAt: outcome.at.toISOString(),
          nextAttemptAt,
        },
        'Merge',
        { etag: claim.etag },
      );
      return true;
    } catch (e) {
      if (!hasStatus(e, 412)) throw e;
    }
    // A retried write whose first try went through (its answer lost): ours if the token and outcome match.
    const current = await this.readClaim(org, claim.reminderId);
    return current !== null && claim.token !== undefined && current.token === claim.token && current.status === outcome.status;
  }

  /**
   * Moves a claim we hold between `claimed` (ours, nothing on the wire: a dead holder's claim is
   * safe to send again) and `sending` (a request may be on the wire), ETag-guarded. Null when
   * it is no longer ours.
   */
  async setPhase(org: string, claim: ClaimRecord, phase: 'claimed' | 'sending'): Promise<ClaimRecord | null> {
    try {
      const res = await this.store
        .table('Reminders')
        .updateEntity({ partitionKey: keyPart(org), rowKey: claimKey(org, claim.reminderId), status: phase }, 'Merge', { etag: claim.etag });
      return { ...claim, status: phase, etag: res.etag ?? '' };
    } catch (e) {
      if (!hasStatus(e, 412) && !hasStatus(e, 404)) throw e;
    }
    const current = await this.readClaim(org, claim.reminderId);
    return current !== null && claim.token !== undefined && current.token === claim.token && current.status === phase
      ? { ...claim, status: phase, etag: current.etag }
      : null;
  }

  /** One claim as stored now, or null. */
  async readClaim(org: string, reminderId: string): Promise<ClaimRecord | null> {
    const row = await getOrNull(this.store.table('Reminders'), keyPart(org), claimKey(org, reminderId));
    if (row === null) return null;
    const c = claimRow.parse(row);
    return {
      reminderId,
      status: c.status,
      claimedBy: c.claimedBy,
      claimedAt: c.claimedAt,
      sweeps: c.sweeps,
      etag: c.etag,
      ...(c.token !== undefined ? { token: c.token } : {}),
      nextAttemptAt: c.nextAttemptAt === undefined || c.nextAttemptAt === '' ? null : c.nextAttemptAt,
    };
  }

  /** Marks an occurrence done for the group: it stops reminding everyone. Idempotent. */
  async markDone(org: string, group: string, occurrence: string, deadline: IsoDate, by: string, at: Date): Promise<void> {
    await this.store
      .table('Reminders')
      .upsertEntity({ partitionKey: keyPart(org), rowKey: `d|${keyPart(`${group}|${occurrence}`)}`, deadline, by, at: at.toISOString() }, 'Replace');
  }

  /** Records that a recipient responded: they are not reminded again about this occurrence. Idempotent. */
  async acknowledge(org: string, group: string, occurrence: string, recipient: string, deadline: IsoDate, at: Date): Promise<void> {
    await this.store
      .table('Reminders')
      .upsertEntity({ partitionKey: keyPart(org), rowKey: `a|${keyPart(`${group}|${occurrence}|${recipient}`)}`, deadline, at: at.toISOString() }, 'Replace');
  }
}

/**
 * A lease makes one bot instance the sweeper at a time: taken when absent or expired (ETag-
 * guarded, so two instances cannot both take it), renewed by its holder; a dead holder's
 * lease simply expires.
 */
export class Leases implements LeasesPort {
  constructor(private readonly store: TableStore) {}

  async acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
    const table = this.store.table('Leases');
    const entity = { partitionKey: 'lease', rowKey: name, holder, expiresAt: new Date(now.getTime() + ttlMs).toISOString() };
    try {
      const current = z.object({ holder: z.string(), expiresAt: z.string(), etag: z.string() }).parse(await table.getEntity('lease', name));
      if (current.holder !== holder && current.expiresAt > now.toISOString()) return false;
      await table.updateEntity(entity, 'Replace', { etag: current.etag });
      return true;
    } catch (e) {
      if (hasStatus(e, 412)) return false;
      if (!hasStatus(e, 404)) throw e;
    }
    try {
      await table.createEntity(entity);
      return true;
    } catch (e) {
      if (hasStatus(e, 409)) return false;
      throw e;
    }
  }

  async release(name: string, holder: string): Promise<void> {
    const table = this.store.table('Leases');
    try {
      const current = z.object({ holder: z.string(), etag: z.string() }).parse(await table.getEntity('lease', name));
      if (current.holder === holder) await table.deleteEntity('lease', name, { etag: current.etag });
    } catch (e) {
      if (!hasStatus(e, 404) && !hasStatus(e, 412)) throw e;
    }
  }
}
