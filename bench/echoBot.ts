import { Application, TurnState } from '@microsoft/teams-ai';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';

/** The baseline: a minimal echo bot on the same stack (restify 11, CloudAdapter, teams-ai), no storage. */
export function createEchoServer(): restify.Server {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const app = new Application<TurnState>({ startTypingTimer: false, longRunningMessages: false, removeRecipientMention: true });
  app.activity('message', async (context) => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- a Teams message activity may arrive without text (e.g. a card submit), though the type says string
    await context.sendActivity(`Eko: ${context.activity.text ?? ''}`);
  });
  const server = restify.createServer({ name: 'echo' });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => app.run(context).then(() => undefined));
  });
  return server;
}
