import { minutesTexts } from '../../src/cards/minutesCards';

// Swedish: one unreachable justerare is "hen", several are "de"/"dem"; the English "they" fits both.
describe('minutesTexts: who could not be reached', () => {
  it('speaks of one person as hen', () => {
    expect(minutesTexts.unreachable(['Ordförande LGS (demo)'], 'LGS 2026-12-08').sv).toBe(
      'Ordförande LGS (demo) kunde inte nås: hen har ingen personlig chatt med mig. Be hen öppna en chatt med Samverkansboten och skriva "minnesanteckningar LGS 2026-12-08", eller be ordföranden utse en annan justerare.',
    );
    expect(minutesTexts.undelivered(['Ledamot kommun (demo)'], 'LGS 2026-12-08').sv).toContain(
      'till Ledamot kommun (demo) just nu, inte heller när jag försökte igen. Be hen skriva',
    );
  });

  it('speaks of several people as de and dem, names joined', () => {
    expect(minutesTexts.unreachable(['Ordförande LGS (demo)', 'Ledamot kommun (demo)'], 'LGS 2026-12-08').sv).toBe(
      'Ordförande LGS (demo), Ledamot kommun (demo) kunde inte nås: de har ingen personlig chatt med mig. Be dem öppna en chatt med Samverkansboten och skriva "minnesanteckningar LGS 2026-12-08", eller be ordföranden utse en annan justerare.',
    );
    expect(minutesTexts.undelivered(['Ordförande LGS (demo)', 'Ledamot kommun (demo)'], 'LGS 2026-12-08').en).toBe(
      'The minutes are saved as sent, but the card could not be delivered to Ordförande LGS (demo), Ledamot kommun (demo) just now, not even when I tried again. Ask them to type "minutes LGS 2026-12-08" in their chat with me, or open the minutes and send them again in a while.',
    );
  });
});
