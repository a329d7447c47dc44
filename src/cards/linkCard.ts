import type { GroupInOrg } from '../app/catalog';
import type { Locale } from '../domain/organisation';
import { card, type AdaptiveCard } from './adaptive';
import { texts } from './texts';

/** A form to link the current channel to one of the groups the user may link. */
export function linkCard(groups: readonly GroupInOrg[], locale: Locale): AdaptiveCard {
  return card(
    locale,
    texts.linkCardTitle[locale],
    [
      {
        type: 'Input.ChoiceSet',
        id: 'group',
        label: texts.linkCardGroup[locale],
        isRequired: true,
        errorMessage: texts.linkCardError[locale],
        style: 'compact',
        choices: groups.map(({ org, group }) => ({ title: `${group.shortName} (${org.shortName})`, value: `${org.id}/${group.id}` })),
      },
    ],
    [{ type: 'Action.Submit', title: texts.linkCardSubmit[locale], data: { verb: 'linkChannel' } }],
  );
}
