import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { CalendarTokenStore } from '../app/ports';
import { getOrNull, hasStatus, keyPart, type TableStore } from './tables';

/**
 * Key design. CalendarTokens: PK `ics`, RK the token → org and group (the public calendar
 * URL resolves with one point read); PK `g|{org}|{group}`, RK `token` → the group's token.
 * Tokens are 32 random bytes, base64url: unguessable, and a group keeps its token until an admin
 * rotates it (`rotate`): the new token row is written first, then the group row is switched
 * (ETag-guarded), then the old token row is deleted, so the old link answers 404 from then on.
 */
const tokenRow = z.object({ org: z.string(), group: z.string() });
const groupRow = z.object({ token: z.string() });

/** `ics`: the public calendar feed; `export`: the decision-register export given to leads and admins. */
export type TokenPurpose = 'ics' | 'export';

export class CalendarTokens implements CalendarTokenStore {
  constructor(private readonly store: TableStore) {}

  async tokenFor(org: string, group: string, purpose: TokenPurpose = 'ics'): Promise<string> {
    const table = this.store.table('CalendarTokens');
    const pk = `${purpose === 'ics' ? 'g' : purpose}|${keyPart(org)}|${keyPart(group)}`;
    const existing = await getOrNull(table, pk, 'token');
    if (existing !== null) return groupRow.parse(existing).token;
    const token = randomBytes(32).toString('base64url');
    await table.createEntity({ partitionKey: purpose, rowKey: token, org, group });
    try {
      await table.createEntity({ partitionKey: pk, rowKey: 'token', token });
      return token;
    } catch (e) {
      if (!hasStatus(e, 409)) throw e;
      // Another request made the group's token first: use that one.
      await table.deleteEntity(purpose, token);
      return groupRow.parse(await table.getEntity(pk, 'token')).token;
    }
  }

  async rotate(org: string, group: string): Promise<void> {
    for (const purpose of ['ics', 'export'] as const) await this.rotateOne(org, group, purpose);
  }

  private async rotateOne(org: string, group: string, purpose: TokenPurpose): Promise<void> {
    const table = this.store.table('CalendarTokens');
    const pk = `${purpose === 'ics' ? 'g' : purpose}|${keyPart(org)}|${keyPart(group)}`;
    const row = await getOrNull(table, pk, 'token');
    const old = row === null ? null : { token: groupRow.parse(row).token, etag: row.etag };
    if (old === null) return; // No link was ever given out: the first one will be new anyway.
    const token = randomBytes(32).toString('base64url');
    await table.createEntity({ partitionKey: purpose, rowKey: token, org, group });
    await table.updateEntity({ partitionKey: pk, rowKey: 'token', token }, 'Replace', { etag: old.etag });
    await table.deleteEntity(purpose, old.token).catch((e: unknown) => {
      if (!hasStatus(e, 404)) throw e;
    });
  }

  async resolve(token: string, purpose: TokenPurpose = 'ics'): Promise<{ org: string; group: string } | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const row = await getOrNull(this.store.table('CalendarTokens'), purpose, token);
    return row === null ? null : tokenRow.parse(row);
  }
}
