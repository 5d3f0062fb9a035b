// oidc-provider (panva's OpenID Certified authorization server) configured the way HookBench's
// interop test needs it, on a loopback port.
//
//   node server.mjs CONFIG.json     prints "PORT\n" once it listens on 127.0.0.1
//
// CONFIG: {"secret": "...", "es256Key": "ec.pub.pem", "rs256Key": "rsa.pub.pem"}
// Clients (client id = what they test):
//   cc-basic, cc-post, cc-jwt              client credentials, client_secret_basic / _post / _jwt
//   cc-es256, cc-rs256                     client credentials, private_key_jwt with that alg
//   code-basic, code-post                  authorization code + PKCE (native app, loopback
//                                          redirect on any port), refresh tokens
// The development login and consent pages (devInteractions) accept any login and password.
// Token endpoint: /token, revocation: /token/revocation, introspection: /token/introspection.
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

import Provider from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const publicJwk = (path, alg) => ({ ...createPublicKey(readFileSync(path)).export({ format: 'jwk' }), alg, use: 'sig' });

const credentialsClient = (id, method, extra = {}) => ({
  client_id: id,
  client_secret: method.startsWith('client_secret') ? config.secret : undefined,
  token_endpoint_auth_method: method,
  grant_types: ['client_credentials'],
  response_types: [],
  redirect_uris: [],
  scope: 'calls',
  ...extra,
});

const codeClient = (id, method) => ({
  client_id: id,
  client_secret: config.secret,
  token_endpoint_auth_method: method,
  application_type: 'native', // RFC 8252 §7.3: a loopback redirect URI matches on any port
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  redirect_uris: ['http://127.0.0.1/callback'],
});

const clients = [
  credentialsClient('cc-basic', 'client_secret_basic'),
  credentialsClient('cc-post', 'client_secret_post'),
  credentialsClient('cc-jwt', 'client_secret_jwt', { token_endpoint_auth_signing_alg: 'HS256' }),
  credentialsClient('cc-es256', 'private_key_jwt', {
    token_endpoint_auth_signing_alg: 'ES256',
    jwks: { keys: [publicJwk(config.es256Key, 'ES256')] },
  }),
  credentialsClient('cc-rs256', 'private_key_jwt', {
    token_endpoint_auth_signing_alg: 'RS256',
    jwks: { keys: [publicJwk(config.rs256Key, 'RS256')] },
  }),
  codeClient('code-basic', 'client_secret_basic'),
  codeClient('code-post', 'client_secret_post'),
];

// The issuer names the port, known only once the server listens: the provider is made then.
const server = createServer();
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const provider = new Provider(`http://127.0.0.1:${port}`, {
    clients,
    cookies: { keys: ['hookbench-interop-only'] },
    clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'client_secret_jwt', 'private_key_jwt'],
    scopes: ['openid', 'offline_access', 'calls'],
    features: {
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
    },
    pkce: { required: () => true },
    ttl: { AccessToken: 3600, ClientCredentials: 3600, RefreshToken: 86400 },
    // Quiet: the test reads stdout for the port only.
    renderError: async (ctx, out) => {
      ctx.type = 'json';
      ctx.body = out;
    },
  });
  provider.on('server_error', (ctx, error) => console.error('server_error', error));
  server.on('request', provider.callback());
  process.stdout.write(`${port}\n`);
});
