// Microsoft's Bot Framework SDK for JavaScript (botbuilder 4.23.3) as the reference of the side-by-side benchmark
// (../compare.sh): the SDK's own echo bot on CloudAdapter, JWT validation on, reply sent through the connector.
//
// Settings come from the environment, written by the bench (Compare/Targets.cs):
//   PORT, MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId, MicrosoftAppType,
//   ToBotFromChannelOpenIdMetadataUrl, ToBotFromChannelTokenIssuer  (the same local OpenID metadata as our bot)
//   BENCH_LOGIN_URL  the local Entra token endpoint, https://127.0.0.1:port/{tenant}
// NODE_EXTRA_CA_CERTS makes node trust the local identity's and token endpoint's self-signed certificates.
//
// Node's own http server with a 20-line adapter rather than restify/express: the least overhead the SDK can have,
// so the comparison flatters Microsoft's SDK, not ours.
'use strict';

const http = require('node:http');
const { CloudAdapter, ConfigurationBotFrameworkAuthentication, ActivityHandler } = require('botbuilder');
const { MsalServiceClientCredentialsFactory } = require('botframework-connector');
const { ConfidentialClientApplication } = require('@azure/msal-node');

const env = process.env;
const loginUrl = env.BENCH_LOGIN_URL.replace(/\/$/, '');
const loginHost = new URL(loginUrl).host;

// MSAL resolves an authority's endpoints over the network (instance discovery at login.microsoftonline.com, then the
// authority's openid-configuration); the local token endpoint only issues tokens, so its metadata is given here.
// The token request itself is real: client credentials POSTed to the local token endpoint, cached until expiry.
const msal = new ConfidentialClientApplication({
  auth: {
    clientId: env.MicrosoftAppId,
    clientSecret: env.MicrosoftAppPassword,
    authority: loginUrl,
    knownAuthorities: [loginHost],
    authorityMetadata: JSON.stringify({
      token_endpoint: `${loginUrl}/oauth2/v2.0/token`,
      authorization_endpoint: `${loginUrl}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${loginUrl}/oauth2/v2.0/logout`,
      issuer: `${loginUrl}/v2.0`,
      jwks_uri: `${loginUrl}/discovery/v2.0/keys`,
    }),
  },
});

const auth = new ConfigurationBotFrameworkAuthentication(
  {
    MicrosoftAppId: env.MicrosoftAppId,
    MicrosoftAppPassword: env.MicrosoftAppPassword,
    MicrosoftAppTenantId: env.MicrosoftAppTenantId,
    MicrosoftAppType: env.MicrosoftAppType,
    ToBotFromChannelOpenIdMetadataUrl: env.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromChannelTokenIssuer: env.ToBotFromChannelTokenIssuer,
    ToChannelFromBotLoginUrl: loginUrl,
  },
  new MsalServiceClientCredentialsFactory(env.MicrosoftAppId, msal),
);
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (context, error) => {
  console.error(`turn error: ${error.message}`);
};

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`Echo: ${context.activity.text}`);
      await next();
    });
  }
}
const bot = new EchoBot();

// The response shape CloudAdapter.process expects (restify/express-like) over node's ServerResponse.
function adapt(res) {
  return {
    socket: res.socket,
    status(code) { res.statusCode = code; },
    header(name, value) { res.setHeader(name, value); },
    send(body) {
      if (typeof body === 'object' && !Buffer.isBuffer(body)) {
        res.setHeader('Content-Type', 'application/json');
        body = JSON.stringify(body);
      }
      res.write(body);
    },
    end() { res.end(); },
  };
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    try {
      req.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.statusCode = 400;
      res.end();
      return;
    }
    adapter.process(req, adapt(res), (context) => bot.run(context)).catch((error) => {
      console.error(`process error: ${error.message}`);
      if (!res.writableEnded) { res.statusCode = 500; res.end(); }
    });
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(env.PORT), '127.0.0.1', () => console.log(`botbuilder echo bot on http://127.0.0.1:${env.PORT}/api/messages`));
