import { odata } from '@azure/data-tables';
import { z } from 'zod';
import type { ConversationRepository } from '../app/ports';
import type { ChannelLink, ConversationRef } from '../domain/conversation';
import { getOrNull, hasStatus, keyPart, type TableStore } from './tables';

/**
 * Key design. Conversations: personal chats in one partition `personal`, RK the user's
 * AAD object id (so a reminder sweep loads every reference in one paged query); channels
 * at PK `t|{teamId}` RK `{channelId}` (a team's channels in one partition, so uninstalling
 * from a team is one query); group chats at PK `g|{conversationId}` RK `ref`.
 * The names Teams sent with personal messages in their own partition `names`, RK the AAD object id (an install
 * event carries no name and replaces the chat's row, so the name is kept beside it, not in it).
 * ChannelLinks: one small partition `links` holding both directions, `g|{org}|{group}` and
 * `c|{channelId}|{org}|{group}`, so a relink is one transaction.
 */
const refSchema = z.object({
  channelId: z.string(),
  serviceUrl: z.string().url(),
  tenantId: z.string(),
  conversationId: z.string(),
  conversationType: z.enum(['personal', 'channel', 'groupChat']),
  botId: z.string(),
  botName: z.string(),
  userAadObjectId: z.string().nullable(),
  teamId: z.string().nullable(),
});
const linkRow = z.object({ org: z.string(), group: z.string(), channel: z.string(), linkedBy: z.string(), linkedAt: z.string() });

const LINKS = 'links';
const PERSONAL = 'personal';
/** As the add-member form's name limit: a name longer than this is cut. */
const NAME_LIMIT = 100;
const nameRow = z.object({ rowKey: z.string(), userName: z.string() });
const personalRow = z.object({ rowKey: z.string(), ref: z.string(), inactive: z.boolean().optional(), inactiveAt: z.string().optional() });
/** A personal chat marked inactive after a 403/404 is tried again after this long (or as soon as the person writes). */
export const INACTIVE_RETRY_MS = 24 * 3_600_000;
/** How long this process trusts its memory of a written reference: another instance may have marked it inactive since. */
const WRITTEN_TTL_MS = 10 * 60_000;

function keysOf(ref: ConversationRef): { partitionKey: string; rowKey: string } {
  if (ref.conversationType === 'personal') return { partitionKey: PERSONAL, rowKey: keyPart((ref.userAadObjectId ?? '').toLowerCase()) };
  if (ref.conversationType === 'channel' && ref.teamId !== null) return { partitionKey: `t|${keyPart(ref.teamId)}`, rowKey: keyPart(ref.conversationId) };
  return { partitionKey: `g|${keyPart(ref.conversationId)}`, rowKey: 'ref' };
}

export class ConversationTableRepository implements ConversationRepository {
  /** What this process last wrote per conversation, so an unchanged reference costs no request. */
  private readonly written = new Map<string, { json: string; at: number }>();

  constructor(
    private readonly store: TableStore,
    private readonly now: () => number = () => Date.now(),
  ) {}

  async saveReference(ref: ConversationRef): Promise<void> {
    const keys = keysOf(ref);
    const cacheKey = `${keys.partitionKey}/${keys.rowKey}`;
    const json = JSON.stringify(ref);
    const known = this.written.get(cacheKey);
    if (known?.json === json && this.now() - known.at < WRITTEN_TTL_MS) return;
    // One request: the write clears `inactive` (a user who writes to the bot again can be reached
    // again; the memory above expires, so a mark set by another instance is cleared by the next turn
    // after it), and Merge keeps the name Teams sent earlier when this activity has none (installs).
    const { userName, ...stored } = ref;
    const name = ref.conversationType === 'personal' && userName !== undefined ? { userName: userName.slice(0, NAME_LIMIT) } : {};
    await this.store
      .table('Conversations')
      .upsertEntity({ ...keys, ref: JSON.stringify(stored), teamId: ref.teamId ?? '', inactive: false, inactiveAt: '', ...name }, 'Merge');
    this.written.set(cacheKey, { json, at: this.now() });
  }

  async hasReference(ref: ConversationRef): Promise<boolean> {
    const keys = keysOf(ref);
    return (await getOrNull(this.store.table('Conversations'), keys.partitionKey, keys.rowKey, { queryOptions: { select: ['RowKey'] } })) !== null;
  }

  async removeReference(ref: ConversationRef): Promise<void> {
    const conversations = this.store.table('Conversations');
    const keys = keysOf(ref);
    if (ref.conversationType === 'channel' && ref.teamId !== null) {
      for await (const e of conversations.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${keys.partitionKey}`, select: ['RowKey'] } }))
        await deleteIgnoringMissing(() => conversations.deleteEntity(keys.partitionKey, e.rowKey ?? ''));
      const links = this.store.table('ChannelLinks');
      const filter = odata`PartitionKey eq ${LINKS} and teamId eq ${ref.teamId}`;
      for await (const e of links.listEntities({ queryOptions: { filter, select: ['RowKey'] } }))
        await deleteIgnoringMissing(() => links.deleteEntity(LINKS, e.rowKey ?? ''));
    } else await deleteIgnoringMissing(() => conversations.deleteEntity(keys.partitionKey, keys.rowKey));
    for (const k of [...this.written.keys()]) if (k.startsWith(`${keys.partitionKey}/`)) this.written.delete(k);
  }

  async personalReference(aadObjectId: string): Promise<ConversationRef | null> {
    const row = await getOrNull(this.store.table('Conversations'), PERSONAL, keyPart(aadObjectId.toLowerCase()));
    if (row === null) return null;
    const e = personalRow.parse(row);
    return e.inactive === true ? null : refSchema.parse(JSON.parse(e.ref));
  }

  async activePersonalReferences(now: Date = new Date(this.now())): Promise<Map<string, ConversationRef>> {
    const refs = new Map<string, ConversationRef>();
    const filter = odata`PartitionKey eq ${PERSONAL}`;
    for await (const e of this.store.table('Conversations').listEntities({ queryOptions: { filter } })) {
      const row = personalRow.parse(e);
      // One 403 does not silence a chat for good: a day later it is tried again (a mark without a time is old: tried again).
      const silenced = row.inactive === true && row.inactiveAt !== undefined && now.getTime() - Date.parse(row.inactiveAt) < INACTIVE_RETRY_MS;
      if (!silenced) refs.set(row.rowKey, refSchema.parse(JSON.parse(row.ref)));
    }
    return refs;
  }

  async personalChatPeople(): Promise<{ aadObjectId: string; name: string }[]> {
    const [active, out] = [await this.activePersonalReferences(), [] as { aadObjectId: string; name: string }[]];
    const filter = odata`PartitionKey eq ${PERSONAL}`;
    for await (const e of this.store.table('Conversations').listEntities({ queryOptions: { filter, select: ['RowKey', 'userName'] } })) {
      const row = nameRow.safeParse(e);
      if (row.success && row.data.userName !== '' && active.has(row.data.rowKey)) out.push({ aadObjectId: row.data.rowKey, name: row.data.userName });
    }
    return out;
  }

  async markInactive(ref: ConversationRef, at: Date = new Date(this.now())): Promise<void> {
    const keys = keysOf(ref);
    try {
      await this.store.table('Conversations').updateEntity({ ...keys, inactive: true, inactiveAt: at.toISOString() }, 'Merge');
    } catch (e) {
      if (!hasStatus(e, 404)) throw e;
    }
    this.written.delete(`${keys.partitionKey}/${keys.rowKey}`);
  }

  async linkChannel(link: ChannelLink): Promise<void> {
    const table = this.store.table('ChannelLinks');
    const groupKey = `g|${link.org}|${link.group}`;
    const channelKey = (channelId: string) => `c|${keyPart(channelId)}|${link.org}|${link.group}`;
    let previousChannel: string | null = null;
    try {
      const old = linkRow.parse(await table.getEntity(LINKS, groupKey));
      previousChannel = refSchema.parse(JSON.parse(old.channel)).conversationId;
    } catch (e) {
      if (!hasStatus(e, 404)) throw e;
    }
    const row = {
      org: link.org,
      group: link.group,
      channel: JSON.stringify(link.channel),
      teamId: link.channel.teamId ?? '',
      linkedBy: link.linkedBy,
      linkedAt: link.linkedAt,
    };
    const actions: Parameters<typeof table.submitTransaction>[0] = [
      ['upsert', { partitionKey: LINKS, rowKey: groupKey, ...row }, 'Replace'],
      ['upsert', { partitionKey: LINKS, rowKey: channelKey(link.channel.conversationId), ...row }, 'Replace'],
    ];
    if (previousChannel !== null && previousChannel !== link.channel.conversationId)
      actions.push(['delete', { partitionKey: LINKS, rowKey: channelKey(previousChannel) }]);
    await table.submitTransaction(actions);
  }

  async linksOfChannel(channel: ConversationRef): Promise<ChannelLink[]> {
    const prefix = `c|${keyPart(channel.conversationId)}|`;
    const filter = odata`PartitionKey eq ${LINKS} and RowKey ge ${prefix} and RowKey lt ${`${prefix}~`}`;
    const links: ChannelLink[] = [];
    for await (const e of this.store.table('ChannelLinks').listEntities({ queryOptions: { filter } })) links.push(toLink(e));
    return links;
  }

  async channelOfGroup(org: string, group: string): Promise<ChannelLink | null> {
    const row = await getOrNull(this.store.table('ChannelLinks'), LINKS, `g|${org}|${group}`);
    return row === null ? null : toLink(row);
  }
}

function toLink(entity: unknown): ChannelLink {
  const row = linkRow.parse(entity);
  return { org: row.org, group: row.group, channel: refSchema.parse(JSON.parse(row.channel)), linkedBy: row.linkedBy, linkedAt: row.linkedAt };
}

async function deleteIgnoringMissing(op: () => Promise<unknown>): Promise<void> {
  try {
    await op();
  } catch (e) {
    if (!hasStatus(e, 404)) throw e;
  }
}
