import type { Activity } from 'botbuilder';
import { conversationRefOf, localeOf } from '../../src/teams/activity';
import { parseCommand } from '../../src/teams/commands';
import { channelMessage, personalMessage, USERS } from '../helpers/activities';

describe('parseCommand', () => {
  it.each([
    ['hjälp', 'help', ''],
    ['Help', 'help', ''],
    ['grupper   samla', 'groups', 'samla'],
    ['koppla NOSAM Hisingen', 'link', 'NOSAM Hisingen'],
    ['språk en', 'language', 'en'],
    ['hej', 'greeting', ''],
    ['god morgon', 'greeting', ''],
    ['visa budget', null, 'budget'],
  ])('%s → %s (%s)', (text, name, argument) => {
    expect(parseCommand(text)).toMatchObject({ name, argument });
  });
});

describe('localeOf', () => {
  const m = (locale: string) => personalMessage('x', { serviceUrl: 'http://x', locale }) as unknown as Partial<Activity>;
  it('is Swedish unless Teams says English, and a chosen language wins', () => {
    expect([localeOf(m('sv-SE'), null), localeOf(m('en-US'), null), localeOf(m('de-DE'), null), localeOf(m('en-GB'), 'sv')]).toEqual(['sv', 'en', 'sv', 'sv']);
  });
});

describe('conversationRefOf', () => {
  it('keeps the channel id without ;messageid so a proactive post starts a new thread', () => {
    const ref = conversationRefOf(channelMessage('grupper', { serviceUrl: 'http://connector', user: USERS.admin, channelId: '19:abc@thread.tacv2' }) as never);
    expect(ref).toMatchObject({ conversationId: '19:abc@thread.tacv2', conversationType: 'channel', teamId: '19:team-general@thread.tacv2', userAadObjectId: null });
  });

  it('returns null for an activity with no serviceUrl', () => {
    const { serviceUrl: _s, ...rest } = personalMessage('x', { serviceUrl: 'http://x' });
    expect(conversationRefOf(rest as never)).toBeNull();
  });
});
