import type { GroupListing } from '../app/listGroups';
import { dateFormat } from '../domain/calendarDate';
import type { Locale, Organisation } from '../domain/organisation';
import { card, commandButton, textBlock, type AdaptiveCard, type CardElement } from './adaptive';
import { plain } from './escape';
import { withParty } from './withParty';
import { pagedCard } from './paging';
import { kindName, texts } from './texts';

/** Formats an ISO instant as a Swedish/English date and time in the organisation's zone. */
export function formatDateTime(iso: string, timeZone: string, locale: Locale): string {
  return dateFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** The groups list: kind, chair and next meeting per group, the user's own groups marked. */
export function groupsCard(listing: GroupListing, locale: Locale, page = 1): AdaptiveCard {
  const { org } = listing;
  if (listing.rows.length === 0) return card(locale, texts.groupsTitle(plain(org.shortName))[locale], [textBlock(texts.groupsEmpty[locale])]);
  const rows: CardElement[] = listing.rows.map(({ group, snapshot, mine }) => {
    const chair = snapshot?.chair
      ? withParty(plain(snapshot.chair.displayName), snapshot.chair.partyName ? plain(snapshot.chair.partyName) : null)
      : texts.noChair[locale];
    const meeting = snapshot?.nextMeeting
      ? `${formatDateTime(snapshot.nextMeeting.startsAt, org.timeZone, locale)} – ${plain(snapshot.nextMeeting.title)}`
      : texts.noMeeting[locale];
    return {
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [
        textBlock(`**${plain(group.shortName)}**${mine ? ` · ${texts.mineMarker[locale]}` : ''}`),
        // The full name, which people may type as well as the short one; never the id.
        textBlock(`${kindName(group.kind, locale)}${group.name === group.shortName ? '' : ` · ${plain(group.name)}`}`, {
          isSubtle: true,
          spacing: 'None',
          size: 'Small',
        }),
        textBlock(`${texts.chairLabel[locale]}: ${chair}`, { spacing: 'Small' }),
        textBlock(`${texts.nextMeetingLabel[locale]}: ${meeting}`, { spacing: 'None' }),
      ],
    };
  });
  const words = locale === 'sv' ? ['grupper', 'sida'] : ['groups', 'page'];
  return pagedCard(locale, texts.groupsTitle(plain(org.name))[locale], rows, [], page, (next) => `${words[0]} ${org.id} ${words[1]} ${next}`);
}

/** Asks which organisation to show, one button per organisation. */
export function chooseOrgCard(orgs: readonly Organisation[], locale: Locale): AdaptiveCard {
  const word = locale === 'sv' ? 'grupper' : 'groups';
  return card(
    locale,
    texts.chooseOrg[locale],
    [],
    orgs.map((o) => commandButton(o.name, `${word} ${o.id}`)),
  );
}
