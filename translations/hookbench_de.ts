<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>CheckEndpointDialog</name>
    <message>
        <location filename="../ui/CheckEndpointDialog.cpp" line="+96"/>
        <source>Check endpoint — %1</source>
        <translation>Endpoint prüfen — %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Does %1 %2 refuse tampered, replayed and unsigned webhooks?</source>
        <translation>Weist %1 %2 manipulierte, wiederholte und unsignierte Webhooks ab?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%v of %m cases</source>
        <translation>%v von %m Fällen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expectation</source>
        <translation>Erwartung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Run again</source>
        <translation>Erneut ausführen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Not checked: %1</source>
        <translation>Nicht geprüft: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Preparing the cases…</source>
        <translation>Fälle werden vorbereitet…</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Sending %n case(s)…</source>
        <translation>
            <numerusform>Sende %n Fall…</numerusform>
            <numerusform>Sende %n Fälle…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>✓ Conforms: all %1 cases behaved.</source>
        <translation>✓ Konform: Alle %1 Fälle verhielten sich korrekt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✗ Does not conform: %1 of %2 cases ok, %3 not ok. Each failing row says what an attacker could do.</source>
        <translation>✗ Nicht konform: %1 von %2 Fällen in Ordnung, %3 nicht. Jede fehlgeschlagene Zeile sagt, was ein Angreifer tun könnte.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1
Sent: %2</source>
        <translation>%1
Gesendet: %2</translation>
    </message>
</context>
<context>
    <name>EndpointEditor</name>
    <message>
        <location filename="../ui/EndpointEditor.cpp" line="+126"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>&amp;General</source>
        <translation>A&amp;llgemein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Authentication</source>
        <translation>&amp;Authentifizierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Si&amp;gning</source>
        <translation>Si&amp;gnatur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Payload security</source>
        <translation>&amp;Nutzdatenschutz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;LS</source>
        <translation>T&amp;LS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholung</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>Loans staging</source>
        <translation>Kredite Staging</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>https://hooks.example.com/webhook</source>
        <translation>https://hooks.example.com/webhook</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+148"/>
        <location line="+201"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="-347"/>
        <source>Add header</source>
        <translation>Header hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove header</source>
        <translation>Header entfernen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Follow redirects (credentials never go to another origin)</source>
        <translation>Weiterleitungen folgen (Zugangsdaten gehen nie an einen anderen Origin)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Method:</source>
        <translation>&amp;Methode:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headers:</source>
        <translation>Header:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Content type:</source>
        <translation>&amp;Inhaltstyp:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Timeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basic (username and password)</source>
        <translation>Basic (Benutzername und Passwort)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API key header</source>
        <translation>API-Schlüssel im Header</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom header</source>
        <translation>Eigener Header</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OAuth 2.0 client credentials</source>
        <translation>OAuth 2.0 Client Credentials</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OAuth 2.0 authorization code</source>
        <translation>OAuth 2.0 Authorization Code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No credentials are sent.</source>
        <translation>Es werden keine Zugangsdaten gesendet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>acme</source>
        <translation>acme</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <location line="+9"/>
        <location line="+10"/>
        <location line="+76"/>
        <source>Header &amp;name:</source>
        <translation>Header-&amp;Name:</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>T&amp;oken:</source>
        <translation>T&amp;oken:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>optional, e.g. ApiKey </source>
        <translation>optional, z. B. ApiKey </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Key:</source>
        <translation>&amp;Schlüssel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Prefix:</source>
        <translation>&amp;Präfix:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Value:</source>
        <translation>&amp;Wert:</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+92"/>
        <source>https://auth.example.com/oauth2/token</source>
        <translation>https://auth.example.com/oauth2/token</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>or: https://auth.example.com (with the path below)</source>
        <translation>oder: https://auth.example.com (mit dem Pfad darunter)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+93"/>
        <source>basic: HTTP Basic header</source>
        <translation>basic: HTTP-Basic-Header</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>post: id and secret in the body</source>
        <translation>post: ID und Secret im Body</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>jwt: assertion signed with the secret (HS256)</source>
        <translation>jwt: Assertion mit dem Secret signiert (HS256)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>privateKeyJwt: assertion signed with a private key</source>
        <translation>privateKeyJwt: Assertion mit einem privaten Schlüssel signiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tlsClientAuth: the TLS client certificate</source>
        <translation>tlsClientAuth: das TLS-Client-Zertifikat</translation>
    </message>
    <message>
        <location line="-151"/>
        <source>file:PATH of a PEM key, or paste the PEM (kept in the keychain)</source>
        <translation>file:PATH eines PEM-Schlüssels, oder das PEM einfügen (im Schlüsselbund aufbewahrt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+555"/>
        <source>PEM keys (*.pem *.key);;All files (*)</source>
        <translation>PEM-Schlüssel (*.pem *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="-548"/>
        <source>Generate key…</source>
        <translation>Schlüssel erzeugen…</translation>
    </message>
    <message>
        <location line="+157"/>
        <source>by key type</source>
        <translation>nach Schlüsseltyp</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The assertion&apos;s aud: tokenUrl (the default), webhookUrl, or any other string used as it is (e.g. the issuer URL Keycloak accepts)</source>
        <translation>aud der Assertion: tokenUrl (Standard), webhookUrl oder jede andere Zeichenkette, unverändert verwendet (z. B. die Issuer-URL, die Keycloak akzeptiert)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional, e.g. hooks.write</source>
        <translation>optional, z. B. hooks.write</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional (Auth0 needs the API identifier)</source>
        <translation>optional (Auth0 braucht den API Identifier)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional (RFC 8707)</source>
        <translation>optional (RFC 8707)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location line="-196"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+318"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>Get token</source>
        <translation>Token holen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests a token now and shows the exchange; a send afterwards reuses it</source>
        <translation>Fordert jetzt ein Token an und zeigt den Austausch; ein späteres Senden verwendet es wieder</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Token &amp;URL:</source>
        <translation>Token-&amp;URL:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auth server URL:</source>
        <translation>URL des Autorisierungsservers:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token path:</source>
        <translation>Token-Pfad:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client &amp;ID:</source>
        <translation>Client-&amp;ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+59"/>
        <source>Client authentication:</source>
        <translation>Client-Authentifizierung:</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Client &amp;secret:</source>
        <translation>Client-&amp;Secret:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private &amp;key:</source>
        <translation>Privater &amp;Schlüssel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+229"/>
        <source>Algorithm:</source>
        <translation>Algorithmus:</translation>
    </message>
    <message>
        <location line="-228"/>
        <source>Assertion audience:</source>
        <translation>Audience der Assertion:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sc&amp;ope:</source>
        <translation>Sc&amp;ope:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audience:</source>
        <translation>Audience:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resource:</source>
        <translation>Ressource:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra form fields:</source>
        <translation>Zusätzliche Formularfelder:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sign in opens your browser, exchanges the code and keeps the refresh token in the keychain. Send then gets its access token from that refresh token silently; when none is stored, or the server refuses it, Send asks you to sign in again.</source>
        <translation>Anmelden öffnet Ihren Browser, tauscht den Code ein und legt das Refresh-Token im Schlüsselbund ab. Senden holt sich sein Access-Token dann unbemerkt mit diesem Refresh-Token; ist keines gespeichert oder lehnt der Server es ab, fordert Senden Sie auf, sich erneut anzumelden.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>https://auth.example.com/oauth2/authorize</source>
        <translation>https://auth.example.com/oauth2/authorize</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>empty for a public client; or a value, env:NAME, keychain:NAME</source>
        <translation>leer für einen öffentlichen Client; oder ein Wert, env:NAME, keychain:NAME</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. hooks offline_access</source>
        <translation>z. B. hooks offline_access</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>default: http://127.0.0.1:PORT/callback</source>
        <translation>Standard: http://127.0.0.1:PORT/callback</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>post: in the body</source>
        <translation>post: im Body</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PKCE (S256)</source>
        <translation>PKCE (S256)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;ign in…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Authorization URL:</source>
        <translation>Autorisierungs-URL:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token URL:</source>
        <translation>Token-URL:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client ID:</source>
        <translation>Client-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client secret:</source>
        <translation>Client-Secret:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scope:</source>
        <translation>Scope:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redirect URI:</source>
        <translation>Redirect-URI:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Header name:</source>
        <translation>Header-Name:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Secret fields take a value (saved to the system keychain, never to the profile file) or a reference: env:NAME, file:PATH or keychain:NAME.</source>
        <translation>Secret-Felder nehmen einen Wert (im Schlüsselbund des Systems gespeichert, nie in der Profildatei) oder eine Referenz: env:NAME, file:PATH oder keychain:NAME.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Add scheme</source>
        <translation>Verfahren hinzufügen</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>hex</source>
        <translation>hex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>base64</source>
        <translation>base64</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>optional, e.g. sha256=</source>
        <translation>optional, z. B. sha256=</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>default: the event&apos;s id</source>
        <translation>Standard: die ID des Ereignisses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scheme:</source>
        <translation>Verfahren:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secret:</source>
        <translation>Secret:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Header:</source>
        <translation>Header:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoding:</source>
        <translation>Kodierung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prefix:</source>
        <translation>Präfix:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message id:</source>
        <translation>Nachrichten-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>standard-webhooks: whsec_… for HMAC (v1), whsk_… for Ed25519 (v1a). Every scheme signs the exact bytes sent.</source>
        <translation>standard-webhooks: whsec_… für HMAC (v1), whsk_… für Ed25519 (v1a). Jedes Verfahren signiert genau die gesendeten Bytes.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Preview: the headers these schemes add for the current event</source>
        <translation>Vorschau: die Header, die diese Verfahren für das aktuelle Ereignis hinzufügen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The body can be signed (JWS), encrypted (JWE), or both: signed first, then encrypted. Signatures of the Signing tab are computed over the result.</source>
        <translation>Der Body kann signiert (JWS), verschlüsselt (JWE) oder beides werden: erst signiert, dann verschlüsselt. Die Signaturen des Reiters Signatur werden über das Ergebnis berechnet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign the payload (JWS)</source>
        <translation>Nutzdaten signieren (JWS)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>optional key id for the receiver</source>
        <translation>optionale Schlüssel-ID für den Empfänger</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value (JSON or text)</source>
        <translation>Wert (JSON oder Text)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no iat/exp</source>
        <translation>kein iat/exp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Private key:</source>
        <translation>Privater Schlüssel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secret (HS256):</source>
        <translation>Secret (HS256):</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+34"/>
        <source>Key id (kid):</source>
        <translation>Schlüssel-ID (kid):</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Claims added:</source>
        <translation>Hinzugefügte Claims:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires in:</source>
        <translation>Läuft ab in:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Encrypt the payload (JWE)</source>
        <translation>Nutzdaten verschlüsseln (JWE)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>file:PATH of the recipient&apos;s public key or certificate, or the PEM</source>
        <translation>file:PATH des öffentlichen Schlüssels oder Zertifikats des Empfängers, oder das PEM</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Public keys and certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Öffentliche Schlüssel und Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Makes a key pair for a test recipient: the public key is used here, the private key is for the receiver</source>
        <translation>Erzeugt ein Schlüsselpaar für einen Testempfänger: Der öffentliche Schlüssel wird hier verwendet, der private ist für den Empfänger</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional key id of the recipient&apos;s key</source>
        <translation>optionale Schlüssel-ID des Empfängerschlüssels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key management:</source>
        <translation>Schlüsselverwaltung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content encryption:</source>
        <translation>Inhaltsverschlüsselung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient key:</source>
        <translation>Empfängerschlüssel:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Preview: the body that would be sent for the current event</source>
        <translation>Vorschau: der Body, der für das aktuelle Ereignis gesendet würde</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Decoded header:</source>
        <translation>Dekodierter Header:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Verify the server&apos;s certificate</source>
        <translation>Zertifikat des Servers &amp;prüfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>⚠ Certificates are not checked: anyone on the network path can read and change what is sent, credentials included. Use this only against a test server, or pin the server&apos;s key below.</source>
        <translation>⚠ Zertifikate werden nicht geprüft: Jeder auf dem Netzwerkpfad kann mitlesen und ändern, was gesendet wird, Zugangsdaten eingeschlossen. Nur gegen einen Testserver verwenden, oder den Serverschlüssel unten pinnen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PEM bundle added to the trust store</source>
        <translation>PEM-Bündel zum Zertifikatsspeicher hinzugefügt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One base64 SHA-256 of the server&apos;s public key per line</source>
        <translation>Ein base64-SHA-256 des öffentlichen Serverschlüssels pro Zeile</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Fetch pin</source>
        <translation>Pin &amp;abrufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connects once to the endpoint&apos;s host and shows its public-key pin</source>
        <translation>Verbindet sich einmal mit dem Host des Endpoints und zeigt den Pin seines öffentlichen Schlüssels</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add to pins</source>
        <translation>Zu den Pins hinzufügen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pins:</source>
        <translation>&amp;Pins:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Client certificate (mutual TLS)</source>
        <translation>Client-Zertifikat (mutual TLS)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PEM certificate, or a PKCS#12 file</source>
        <translation>PEM-Zertifikat oder eine PKCS#12-Datei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>file:PATH of the PEM key, or paste it (kept in the keychain); empty for PKCS#12</source>
        <translation>file:PATH des PEM-Schlüssels, oder ihn einfügen (im Schlüsselbund aufbewahrt); leer bei PKCS#12</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>for an encrypted key or a PKCS#12 file (kept in the keychain)</source>
        <translation>für einen verschlüsselten Schlüssel oder eine PKCS#12-Datei (im Schlüsselbund aufbewahrt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate:</source>
        <translation>Zertifikat:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Certificates (*.pem *.crt *.p12 *.pfx);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.p12 *.pfx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key:</source>
        <translation>Schlüssel:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key password:</source>
        <translation>Schlüsselpasswort:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEM: the certificate (intermediates after it) and its key. PKCS#12: the .p12 file as certificate, the key left empty, the password opens the file. Also used by OAuth tlsClientAuth.</source>
        <translation>PEM: das Zertifikat (Zwischenzertifikate danach) und sein Schlüssel. PKCS#12: die .p12-Datei als Zertifikat, der Schlüssel bleibt leer, das Passwort öffnet die Datei. Wird auch von OAuth tlsClientAuth verwendet.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>None (one attempt)</source>
        <translation>Keine (ein Versuch)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exponential backoff</source>
        <translation>Exponentieller Backoff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed interval</source>
        <translation>Festes Intervall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule (list of waits)</source>
        <translation>Zeitplan (Liste von Wartezeiten)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Jitter (each wait drawn between half and all of it)</source>
        <translation>Jitter (jede Wartezeit zufällig zwischen der Hälfte und dem Ganzen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 1000, 60000, 3600000</source>
        <translation>z. B. 1000, 60000, 3600000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Policy:</source>
        <translation>&amp;Strategie:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Attempts (first try included):</source>
        <translation>&amp;Versuche (erster inbegriffen):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Initial delay:</source>
        <translation>&amp;Anfangsverzögerung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ma&amp;x delay:</source>
        <translation>Ma&amp;ximale Verzögerung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>M&amp;ultiplier:</source>
        <translation>M&amp;ultiplikator:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I&amp;nterval:</source>
        <translation>I&amp;ntervall:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Waits (ms):</source>
        <translation>&amp;Wartezeiten (ms):</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>When the attempts would happen:</source>
        <translation>Wann die Versuche stattfänden:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A 2xx ends the attempts; 410 Gone ends them at once; a longer Retry-After answer sets the next wait.</source>
        <translation>Eine 2xx-Antwort beendet die Versuche; 410 Gone beendet sie sofort; ein längeres Retry-After in der Antwort bestimmt die nächste Wartezeit.</translation>
    </message>
    <message>
        <location line="+325"/>
        <source>Sends Authorization: Basic base64(username:password).</source>
        <translation>Sendet Authorization: Basic base64(Benutzername:Passwort).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sends Authorization: Bearer TOKEN (or in the header you name).</source>
        <translation>Sendet Authorization: Bearer TOKEN (oder im angegebenen Header).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sends the key in the header you name, after the prefix, e.g. X-Api-Key: prefix+key.</source>
        <translation>Sendet den Schlüssel im angegebenen Header nach dem Präfix, z. B. X-Api-Key: Präfix+Schlüssel.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sends the value exactly as given, in Authorization or the header you name.</source>
        <translation>Sendet den Wert genau wie angegeben, in Authorization oder im angegebenen Header.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fetches a token (grant_type=client_credentials) from the token URL and sends it as Authorization: Bearer TOKEN. The token is reused until 30 s before it expires; a 401 fetches a new one and sends once more.</source>
        <translation>Holt ein Token (grant_type=client_credentials) von der Token-URL und sendet es als Authorization: Bearer TOKEN. Das Token wird bis 30 s vor Ablauf wiederverwendet; ein 401 holt ein neues und sendet noch einmal.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You sign in once in the system browser; the refresh token is kept in the keychain (entry oauth2-refresh:CLIENT@TOKENURL).</source>
        <translation>Sie melden sich einmal im Browser des Systems an; das Refresh-Token wird im Schlüsselbund aufbewahrt (Eintrag oauth2-refresh:CLIENT@TOKENURL).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>URL: required; enter the full address, e.g. https://hooks.example.com/webhook</source>
        <translation>URL: erforderlich; geben Sie die vollständige Adresse ein, z. B. https://hooks.example.com/webhook</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>URL: must be an absolute http:// or https:// address</source>
        <translation>URL: muss eine absolute http://- oder https://-Adresse sein</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: the header name is required, e.g. X-Api-Key</source>
        <translation>%1: Der Header-Name ist erforderlich, z. B. X-Api-Key</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: &quot;%2&quot; is not a valid header name (letters, digits and -, no spaces)</source>
        <translation>%1: „%2“ ist kein gültiger Header-Name (Buchstaben, Ziffern und -, keine Leerzeichen)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Username: required for Basic authentication</source>
        <translation>Benutzername: erforderlich für Basic-Authentifizierung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Username: must not contain &apos;:&apos; (Basic authentication separates it from the password with one)</source>
        <translation>Benutzername: darf kein „:“ enthalten (Basic-Authentifizierung trennt damit den Benutzernamen vom Passwort)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Password: required; type it (it is saved to the keychain) or give env:NAME</source>
        <translation>Passwort: erforderlich; geben Sie es ein (es wird im Schlüsselbund gespeichert) oder geben Sie env:NAME an</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <location line="+9"/>
        <location line="+33"/>
        <source>Header name</source>
        <translation>Header-Name</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Token: required; type it (it is saved to the keychain) or give env:NAME</source>
        <translation>Token: erforderlich; geben Sie es ein (es wird im Schlüsselbund gespeichert) oder geben Sie env:NAME an</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key: required; type it (it is saved to the keychain) or give env:NAME</source>
        <translation>Schlüssel: erforderlich; geben Sie ihn ein (er wird im Schlüsselbund gespeichert) oder geben Sie env:NAME an</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Value: required; the header value to send</source>
        <translation>Wert: erforderlich; der zu sendende Header-Wert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Token URL: required; the token endpoint, e.g. https://auth.example.com/oauth2/token (or an auth server URL and a token path)</source>
        <translation>Token-URL: erforderlich; der Token-Endpoint, z. B. https://auth.example.com/oauth2/token (oder eine Autorisierungsserver-URL und ein Token-Pfad)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Token URL: give either the token URL or the auth server URL, not both</source>
        <translation>Token-URL: Geben Sie entweder die Token-URL oder die URL des Autorisierungsservers an, nicht beide</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Token URL: &quot;%1&quot; is not an absolute http:// or https:// address</source>
        <translation>Token-URL: „%1“ ist keine absolute http://- oder https://-Adresse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client ID: required; the id the authorization server gave this client</source>
        <translation>Client-ID: erforderlich; die ID, die der Autorisierungsserver diesem Client gegeben hat</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Client secret: required for %1; type it (it is saved to the keychain) or give env:NAME</source>
        <translation>Client-Secret: erforderlich für %1; geben Sie es ein (es wird im Schlüsselbund gespeichert) oder geben Sie env:NAME an</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Private key: required for privateKeyJwt; choose a PEM file (Browse…) or generate one</source>
        <translation>Privater Schlüssel: erforderlich für privateKeyJwt; wählen Sie eine PEM-Datei (Durchsuchen…) oder erzeugen Sie einen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client authentication: tlsClientAuth needs a client certificate; set it on the TLS tab</source>
        <translation>Client-Authentifizierung: tlsClientAuth braucht ein Client-Zertifikat; legen Sie es im Reiter TLS fest</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>JWS secret: required for HS256; type it (it is saved to the keychain) or give env:NAME</source>
        <translation>JWS-Secret: erforderlich für HS256; geben Sie es ein (es wird im Schlüsselbund gespeichert) oder geben Sie env:NAME an</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JWS private key: required for %1; choose a PEM file or generate a key</source>
        <translation>Privater JWS-Schlüssel: erforderlich für %1; wählen Sie eine PEM-Datei oder erzeugen Sie einen Schlüssel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>JWE recipient key: required; choose the recipient&apos;s public key or certificate</source>
        <translation>JWE-Empfängerschlüssel: erforderlich; wählen Sie den öffentlichen Schlüssel oder das Zertifikat des Empfängers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS client certificate: a key is set but no certificate; choose the certificate file</source>
        <translation>TLS-Client-Zertifikat: Ein Schlüssel ist gesetzt, aber kein Zertifikat; wählen Sie die Zertifikatsdatei</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signature %1 (%2): the secret is required</source>
        <translation>Signatur %1 (%2): Das Secret ist erforderlich</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Retry: a schedule needs at least one wait, e.g. 1000, 60000</source>
        <translation>Wiederholung: Ein Zeitplan braucht mindestens eine Wartezeit, z. B. 1000, 60000</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Retry</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>No signature schemes: add one to see the headers it produces.</source>
        <translation>Keine Signaturverfahren: Fügen Sie eines hinzu, um die erzeugten Header zu sehen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The event in the composer is not valid JSON: fix it to see the signatures.</source>
        <translation>Das Ereignis im Editor ist kein gültiges JSON: Korrigieren Sie es, um die Signaturen zu sehen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+6"/>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+382"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="-378"/>
        <source>Choose a file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Authorization: Basic base64(urlencode(id):urlencode(secret)). The most common form.</source>
        <translation>Authorization: Basic base64(urlencode(id):urlencode(secret)). Die gängigste Form.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>client_id and client_secret go in the form body.</source>
        <translation>client_id und client_secret stehen im Formular-Body.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>client_secret_jwt (RFC 7523): a JWT with iss = sub = client id, aud, iat, exp = iat + 300 and a fresh jti, signed HS256 with the secret; the secret itself is not sent.</source>
        <translation>client_secret_jwt (RFC 7523): ein JWT mit iss = sub = Client-ID, aud, iat, exp = iat + 300 und einer neuen jti, mit dem Secret per HS256 signiert; das Secret selbst wird nicht gesendet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>private_key_jwt (RFC 7523): the same JWT signed with your private key (RS256, PS256, ES256 or EdDSA by key type); the server holds the public key.</source>
        <translation>private_key_jwt (RFC 7523): dasselbe JWT, mit Ihrem privaten Schlüssel signiert (RS256, PS256, ES256 oder EdDSA je nach Schlüsseltyp); der Server hat den öffentlichen Schlüssel.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RFC 8705: client_id in the body; the client proves itself with the client certificate of the TLS tab.</source>
        <translation>RFC 8705: client_id im Body; der Client weist sich mit dem Client-Zertifikat aus dem Reiter TLS aus.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Token exchange</source>
        <translation>Token-Austausch</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+19"/>
        <source>no delivery engine to fetch the token with</source>
        <translation>keine Zustellung vorhanden, um das Token zu holen</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Reading secrets…</source>
        <translation>Secrets werden gelesen…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Requesting a token from %1…</source>
        <translation>Token wird von %1 angefordert…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Token %1 (%2), valid until %3</source>
        <translation>Token %1 (%2), gültig bis %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>, scope %1</source>
        <translation>, Scope %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+16"/>
        <source>no delivery engine to sign in with</source>
        <translation>keine Zustellung vorhanden, um sich anzumelden</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not open a browser; open this address yourself: %1</source>
        <translation>Es konnte kein Browser geöffnet werden; öffnen Sie diese Adresse selbst: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting for you to sign in in the browser…</source>
        <translation>Warte auf Ihre Anmeldung im Browser…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opening the browser…</source>
        <translation>Browser wird geöffnet…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signed in: token %1, valid until %2; the refresh token is in the keychain.</source>
        <translation>Angemeldet: Token %1, gültig bis %2; das Refresh-Token liegt im Schlüsselbund.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>⚠ Fetch pin needs an https:// URL on the General tab</source>
        <translation>⚠ Pin abrufen braucht eine https://-URL im Reiter Allgemein</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>⚠ The server presented no certificate</source>
        <translation>⚠ Der Server hat kein Zertifikat vorgelegt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server key pin: %1
from %2</source>
        <translation>Pin des Serverschlüssels: %1
von %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>⚠ No TLS answer within 10 s</source>
        <translation>⚠ Keine TLS-Antwort innerhalb von 10 s</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>JWE encrypts to RSA or EC keys; choose rsa or ec</source>
        <translation>JWE verschlüsselt für RSA- oder EC-Schlüssel; wählen Sie rsa oder ec</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name: required, a file name without folders, e.g. hookbench-jws</source>
        <translation>Name: erforderlich, ein Dateiname ohne Ordner, z. B. hookbench-jws</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Folder: cannot create %1</source>
        <translation>Ordner: %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 key written to %2 (public key: %3)</source>
        <translation>%1-Schlüssel nach %2 geschrieben (öffentlicher Schlüssel: %3)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Generate key</source>
        <translation>Schlüssel erzeugen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>RSA 3072</source>
        <translation>RSA 3072</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EC P-256</source>
        <translation>EC P-256</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ed25519</source>
        <translation>Ed25519</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Folder for the key files</source>
        <translation>Ordner für die Schlüsseldateien</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key type:</source>
        <translation>Schlüsseltyp:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writes NAME.key.pem (the recipient&apos;s private key, for the receiver, readable by you only) and NAME.pub.pem, which this profile encrypts to.</source>
        <translation>Schreibt NAME.key.pem (der private Schlüssel des Empfängers, für den Empfänger, nur für Sie lesbar) und NAME.pub.pem, für den dieses Profil verschlüsselt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writes NAME.key.pem (readable by you only), which this profile signs with, and NAME.pub.pem for the other side.</source>
        <translation>Schreibt NAME.key.pem (nur für Sie lesbar), mit dem dieses Profil signiert, und NAME.pub.pem für die Gegenseite.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Neither JWS nor JWE: the body is the event&apos;s JSON as it is.</source>
        <translation>Weder JWS noch JWE: Der Body ist das JSON des Ereignisses, unverändert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The event in the composer is not valid JSON: fix it to see the body.</source>
        <translation>Das Ereignis im Editor ist kein gültiges JSON: Korrigieren Sie es, um den Body zu sehen.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>JWE protected header:
%1
(the content is encrypted to the recipient&apos;s key)</source>
        <translation>Geschützter JWE-Header:
%1
(der Inhalt ist für den Schlüssel des Empfängers verschlüsselt)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>JWS header:
%1
payload:
%2</source>
        <translation>JWS-Header:
%1
Nutzdaten:
%2</translation>
    </message>
</context>
<context>
    <name>EndpointLibrary</name>
    <message>
        <location filename="../ui/EndpointLibrary.cpp" line="+172"/>
        <source>%1 holds a secret value that is not in the keychain yet; save it again once a keychain is available, or use an env: or file: reference</source>
        <translation>%1 enthält einen geheimen Wert, der noch nicht im Schlüsselbund liegt; speichern Sie erneut, sobald ein Schlüsselbund verfügbar ist, oder verwenden Sie eine env:- oder file:-Referenz</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+6"/>
        <source>cannot write the endpoint order: %1</source>
        <translation>die Reihenfolge der Endpoints kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location line="-120"/>
        <source>no secret store is available; nothing was saved</source>
        <translation>kein Secret-Speicher verfügbar; nichts wurde gespeichert</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 was not saved: %2</source>
        <translation>%1 wurde nicht gespeichert: %2</translation>
    </message>
    <message>
        <location line="+177"/>
        <location line="+27"/>
        <source>there is no endpoint %1</source>
        <translation>es gibt keinen Endpoint %1</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>cannot delete the endpoint file: %1</source>
        <translation>die Endpoint-Datei kann nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot move the endpoint there</source>
        <translation>der Endpoint kann nicht dorthin verschoben werden</translation>
    </message>
</context>
<context>
    <name>EventComposer</name>
    <message>
        <location filename="../ui/EventComposer.cpp" line="+65"/>
        <source>&amp;Template:</source>
        <translation>&amp;Vorlage:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Placeholders: {{uuid}}, {{now}}, {{timestamp}}, filled in at send time</source>
        <translation>Platzhalter: {{uuid}}, {{now}}, {{timestamp}}, beim Senden ausgefüllt</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Choose a template…</source>
        <translation>Vorlage auswählen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sample: %1</source>
        <translation>Beispiel: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mine: %1</source>
        <translation>Meiner: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot read the template %1: %2</source>
        <translation>Die Vorlage %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Valid JSON event</source>
        <translation>Gültiges JSON-Ereignis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the event is not valid JSON (%1); fix it before saving</source>
        <translation>das Ereignis ist kein gültiges JSON (%1); korrigieren Sie es vor dem Speichern</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the event name is empty; give it a name such as order.created</source>
        <translation>der Ereignisname ist leer; geben Sie einen Namen wie order.created an</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>FirstRunDemo</name>
    <message>
        <location filename="../ui/FirstRunDemo.cpp" line="+50"/>
        <source>Demo receiver</source>
        <translation>Demo-Empfänger</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No keychain answers, so the demo&apos;s secrets cannot be stored. The demo will keep them in memory for this session only (its profiles hold env: references to them); nothing secret is written to disk. After a restart, set up the demo again.</source>
        <translation>Kein Schlüsselbund antwortet, daher können die Secrets der Demo nicht gespeichert werden. Die Demo hält sie nur für diese Sitzung im Speicher (ihre Profile enthalten env:-Verweise darauf); nichts Geheimes wird auf die Festplatte geschrieben. Richten Sie die Demo nach einem Neustart erneut ein.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Demo without a keychain</source>
        <translation>Demo ohne Schlüsselbund</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Demo endpoint</source>
        <translation>Demo-Endpoint</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Demo ready: press Send (Ctrl+Return) and watch the Receiver page verify it; then Delivery → Send a tampered one (Ctrl+Shift+T).</source>
        <translation>Demo bereit: Drücken Sie Senden (Strg+Eingabe) und sehen Sie zu, wie die Empfänger-Seite die Anfrage prüft; dann Zustellung → Manipulierte Kopie senden (Strg+Umschalt+T).</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../ui/HistoryModel.cpp" line="+89"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Event type</source>
        <translation>Ereignistyp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Event id</source>
        <translation>Ereignis-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempt</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+90"/>
        <location line="+120"/>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <location line="-97"/>
        <location line="+128"/>
        <source>Rename %1 to %2</source>
        <translation>%1 in %2 umbenennen</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Move endpoint</source>
        <translation>Endpoint verschieben</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Delete event</source>
        <translation>Ereignis löschen</translation>
    </message>
    <message>
        <location line="+104"/>
        <location line="+928"/>
        <source>HookBench</source>
        <translation>HookBench</translation>
    </message>
    <message>
        <location line="-919"/>
        <source>The history is not available: %1</source>
        <translation>Der Verlauf ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not write to the history: %1</source>
        <translation>Konnte nicht in den Verlauf schreiben: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>press Sign in on the endpoint&apos;s Authentication tab</source>
        <translation>klicken Sie im Reiter Authentifizierung des Endpoints auf Anmelden</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>: %1 — %2</source>
        <translation>: %1 — %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Receiver: %1 %2 %3 (%4)%5</source>
        <translation>Empfänger: %1 %2 %3 (%4)%5</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Some endpoint files could not be read: %1</source>
        <translation>Einige Endpoint-Dateien konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;New endpoint</source>
        <translation>&amp;Neuer Endpoint</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;name</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move do&amp;wn</source>
        <translation>Nach u&amp;nten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save endpoint</source>
        <translation>Endpoint &amp;speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import profile…</source>
        <translation>Profil &amp;importieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export profile…</source>
        <translation>Profil &amp;exportieren…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save e&amp;vent as…</source>
        <translation>Ereignis speichern &amp;unter…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Resend</source>
        <translation>E&amp;rneut senden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cancel pending retries</source>
        <translation>Ausstehende Wiederholungen &amp;abbrechen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy as c&amp;url</source>
        <translation>Als c&amp;url kopieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Filter…</source>
        <translation>&amp;Filtern…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Re&amp;fresh history</source>
        <translation>Verlauf a&amp;ktualisieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chec&amp;k endpoint…</source>
        <translation>Endpoint &amp;prüfen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send a &amp;tampered one</source>
        <translation>&amp;Manipulierte Kopie senden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start/stop &amp;receiver</source>
        <translation>Empfänger &amp;starten/stoppen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New recei&amp;ver</source>
        <translation>Neuer Em&amp;pfänger</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Delivery</source>
        <translation>&amp;Zustellung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rece&amp;iver</source>
        <translation>&amp;Empfänger</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set up the loopback &amp;demo…</source>
        <translation>Loopback-&amp;Demo einrichten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Endpoint</source>
        <translation>&amp;Endpoint</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E&amp;vent</source>
        <translation>E&amp;reignis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recei&amp;ver</source>
        <translation>Em&amp;pfänger</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>&lt;b&gt;New here?&lt;/b&gt; Set up a loopback demo: a receiver on this machine and an endpoint aimed at it, with Basic, HMAC, Standard Webhooks and OAuth client credentials, so you can send one event and see it verified.</source>
        <translation>&lt;b&gt;Neu hier?&lt;/b&gt; Richten Sie eine Loopback-Demo ein: einen Empfänger auf diesem Rechner und einen Endpoint, der auf ihn zeigt, mit Basic, HMAC, Standard Webhooks und OAuth Client Credentials, damit Sie ein Ereignis senden und seine Prüfung sehen können.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Set up the demo</source>
        <translation>Demo einrichten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No, thanks</source>
        <translation>Nein, danke</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Filter endpoints and events</source>
        <translation>Endpoints und Ereignisse filtern</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Endpoints</source>
        <translation>Endpoints</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved events</source>
        <translation>Gespeicherte Ereignisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receivers</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+283"/>
        <source>Add endpoint</source>
        <translation>Endpoint hinzufügen</translation>
    </message>
    <message>
        <location line="-269"/>
        <source>Save endpoint</source>
        <translation>Endpoint speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send event</source>
        <translation>Ereignis senden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+685"/>
        <source>Receiver</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <location line="-665"/>
        <source>Keychain: checking…</source>
        <translation>Schlüsselbund: wird geprüft…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>All endpoints</source>
        <translation>Alle Endpoints</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No answer</source>
        <translation>Keine Antwort</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All event types</source>
        <translation>Alle Ereignistypen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search event id, type, endpoint or URL</source>
        <translation>Ereignis-ID, Typ, Endpoint oder URL suchen</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>New endpoint</source>
        <translation>Neuer Endpoint</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+4"/>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Duplicate %1</source>
        <translation>%1 duplizieren</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Not deleted: cannot read the receiver file: %1</source>
        <translation>Nicht gelöscht: Die Empfängerdatei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+12"/>
        <source>Deleted. Undo (%1) brings it back.</source>
        <translation>Gelöscht. Rückgängig (%1) stellt es wieder her.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Saving %1…</source>
        <translation>%1 wird gespeichert…</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+246"/>
        <location line="+69"/>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="-305"/>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose or add an endpoint first (Ctrl+N adds one).</source>
        <translation>Wählen Sie zuerst einen Endpoint aus oder legen Sie einen an (Strg+N legt einen an).</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <location line="+30"/>
        <location line="+334"/>
        <location line="+10"/>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <location line="-369"/>
        <location line="+342"/>
        <source>Not sent: the event is not valid: %1</source>
        <translation>Nicht gesendet: Das Ereignis ist ungültig: %1</translation>
    </message>
    <message>
        <location line="-328"/>
        <location line="+422"/>
        <source>Reading secrets…</source>
        <translation>Secrets werden gelesen…</translation>
    </message>
    <message>
        <location line="-393"/>
        <source>Attempt %1 of %2 in flight…</source>
        <translation>Versuch %1 von %2 läuft…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Attempt %1 failed (%2); next attempt in %3. Esc cancels.</source>
        <translation>Versuch %1 fehlgeschlagen (%2); nächster Versuch in %3. Esc bricht ab.</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Delivered after %n attempt(s).</source>
        <translation>
            <numerusform>Nach %n Versuch zugestellt.</numerusform>
            <numerusform>Nach %n Versuchen zugestellt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not delivered: %1</source>
        <translation>Nicht zugestellt: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Nothing to copy: send an event or pick one in the history first</source>
        <translation>Nichts zu kopieren: Senden Sie zuerst ein Ereignis oder wählen Sie eines im Verlauf</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>curl command copied (secrets masked)</source>
        <translation>curl-Befehl kopiert (Secrets maskiert)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Keychain: available</source>
        <translation>Schlüsselbund: verfügbar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keychain: not available</source>
        <translation>Schlüsselbund: nicht verfügbar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;No keychain answers.&lt;/b&gt; Secret values you type cannot be saved, and nothing is written in plain text instead. Start your desktop&apos;s keyring (GNOME Keyring or KWallet) and restart HookBench, or give secrets as env:NAME or file:PATH references.&lt;br&gt;%1</source>
        <translation>&lt;b&gt;Kein Schlüsselbund antwortet.&lt;/b&gt; Eingegebene geheime Werte können nicht gespeichert werden, und stattdessen wird nichts im Klartext geschrieben. Starten Sie den Schlüsselbund Ihrer Arbeitsumgebung (GNOME Keyring oder KWallet) und starten Sie HookBench neu, oder geben Sie Secrets als env:NAME- oder file:PATH-Referenzen an.&lt;br&gt;%1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1%2 — HookBench</source>
        <translation>%1%2 — HookBench</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import endpoint profile</source>
        <translation>Endpoint-Profil importieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+26"/>
        <source>Endpoint profiles (*.json)</source>
        <translation>Endpoint-Profile (*.json)</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Not imported: %1</source>
        <translation>Nicht importiert: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export endpoint profile</source>
        <translation>Endpoint-Profil exportieren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not exported: %1</source>
        <translation>Nicht exportiert: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported with keychain references only; the secrets stay in this keychain</source>
        <translation>Nur mit Schlüsselbund-Referenzen exportiert; die Secrets bleiben in diesem Schlüsselbund</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save event</source>
        <translation>Ereignis speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Event saved</source>
        <translation>Ereignis gespeichert</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Choose an endpoint to check first.</source>
        <translation>Wählen Sie zuerst einen Endpoint zum Prüfen aus.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not checked: the event is not valid: %1</source>
        <translation>Nicht geprüft: Das Ereignis ist ungültig: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Choose an endpoint first.</source>
        <translation>Wählen Sie zuerst einen Endpoint aus.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sending a tampered copy…</source>
        <translation>Manipulierte Kopie wird gesendet…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>this endpoint signs nothing, so there is no signature to break</source>
        <translation>dieser Endpoint signiert nichts, es gibt also keine Signatur zu brechen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tampered request (%1) refused: %2</source>
        <translation>Manipulierte Anfrage (%1) abgewiesen: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tampered request (%1) NOT refused: %2</source>
        <translation>Manipulierte Anfrage (%1) NICHT abgewiesen: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Add an endpoint to replay to first.</source>
        <translation>Legen Sie zuerst einen Endpoint an, an den wiederholt werden kann.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Replay to endpoint</source>
        <translation>An Endpoint erneut senden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send request #%1 to:</source>
        <translation>Anfrage #%1 senden an:</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Not replayed: %1</source>
        <translation>Nicht erneut gesendet: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The demo could not be set up: %1</source>
        <translation>Die Demo konnte nicht eingerichtet werden: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;The demo could not be set up:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Die Demo konnte nicht eingerichtet werden:&lt;/b&gt; %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/CheckEndpointDialog.cpp" line="-194"/>
        <source>an authorization-code endpoint needs a browser sign-in; check it with a bearer profile holding a token</source>
        <translation>ein Authorization-Code-Endpoint erfordert eine Anmeldung im Browser; prüfen Sie ihn mit einem Bearer-Profil, das ein Token enthält</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>no delivery engine</source>
        <translation>keine Zustellungs-Engine</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the token request was refused: %1</source>
        <translation>die Token-Anfrage wurde abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>ReceivedModel</name>
    <message>
        <location filename="../ui/ReceivedModel.cpp" line="+38"/>
        <source>no checks</source>
        <translation>keine Prüfungen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1/%2 passed</source>
        <translation>%1/%2 bestanden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1/%2 passed; failed: %3</source>
        <translation>%1/%2 bestanden; fehlgeschlagen: %3</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>duplicate</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duplicate</source>
        <translation>Duplikat</translation>
    </message>
</context>
<context>
    <name>ReceiverLibrary</name>
    <message>
        <location filename="../ui/ReceiverLibrary.cpp" line="+38"/>
        <source>Receiver</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <location line="+134"/>
        <location line="+32"/>
        <source>there is no receiver %1</source>
        <translation>es gibt keinen Empfänger %1</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>cannot delete the receiver file: %1</source>
        <translation>die Empfängerdatei kann nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a receiver named %1 exists again; rename it, then undo once more</source>
        <translation>es gibt wieder einen Empfänger namens %1; benennen Sie ihn um und machen Sie dann noch einmal rückgängig</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot write the receiver file: %1</source>
        <translation>die Empfängerdatei kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Rename: give the receiver a name</source>
        <translation>Umbenennen: Geben Sie dem Empfänger einen Namen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rename: &quot;%1&quot; cannot be a file name; leave out / \ : * ? &quot; &lt; &gt; |, a leading dot and spaces at either end</source>
        <translation>Umbenennen: &quot;%1&quot; kann kein Dateiname sein; lassen Sie / \ : * ? &quot; &lt; &gt; |, einen Punkt am Anfang und Leerzeichen an den Enden weg</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rename: there is already a receiver named %1; choose another name</source>
        <translation>Umbenennen: Es gibt bereits einen Empfänger namens %1; wählen Sie einen anderen Namen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>cannot rename the receiver file %1 to %2</source>
        <translation>die Empfängerdatei %1 kann nicht in %2 umbenannt werden</translation>
    </message>
</context>
<context>
    <name>ReceiverPanel</name>
    <message>
        <location filename="../ui/ReceiverPanel.cpp" line="+162"/>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verification</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responses</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token endpoint</source>
        <translation>Token-Endpoint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key set (JWKS)</source>
        <translation>Schlüsselsatz (JWKS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limits</source>
        <translation>Grenzen</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+1038"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="-1036"/>
        <source>Start or stop this receiver (Ctrl+R)</source>
        <translation>Diesen Empfänger starten oder stoppen (Strg+R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save receiver</source>
        <translation>Empfänger speichern</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the receiver URL</source>
        <translation>Die URL des Empfängers kopieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Receiver URL copied</source>
        <translation>Empfänger-URL kopiert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1027"/>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <location line="-984"/>
        <source>host:port; port 0 picks a free port</source>
        <translation>host:port; Port 0 wählt einen freien Port</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>⚠ Not a loopback address: the receiver will be reachable from the network.</source>
        <translation>⚠ Keine Loopback-Adresse: Der Empfänger ist aus dem Netzwerk erreichbar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>optional: http://127.0.0.1:3000</source>
        <translation>optional: http://127.0.0.1:3000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Listen:</source>
        <translation>&amp;Empfangen auf:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Forward accepted to:</source>
        <translation>Angenommene &amp;weiterleiten an:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make a self-signed certificate at start</source>
        <translation>Beim Start ein selbstsigniertes Zertifikat erzeugen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Require a client certificate (mutual TLS)</source>
        <translation>Ein Client-Zertifikat verlangen (Mutual TLS)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Certificate:</source>
        <translation>Zertifikat:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key:</source>
        <translation>Schlüssel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client CA:</source>
        <translation>Client-CA:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basic</source>
        <translation>Basic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom header</source>
        <translation>Eigener Header</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OAuth 2.0 (tokens of this receiver&apos;s token endpoint)</source>
        <translation>OAuth 2.0 (Tokens des Token-Endpoints dieses Empfängers)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <location line="+2"/>
        <location line="+204"/>
        <source>value or env:/file:/keychain:</source>
        <translation>Wert oder env:/file:/keychain:</translation>
    </message>
    <message>
        <location line="-203"/>
        <source>optional, e.g. ApiKey </source>
        <translation>optional, z. B. ApiKey </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written before the key in the header, e.g. ApiKey </source>
        <translation>Steht im Header vor dem Schlüssel, z. B. ApiKey </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Authentication:</source>
        <translation>&amp;Authentifizierung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Username:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Header:</source>
        <translation>Header:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value:</source>
        <translation>Wert:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prefix:</source>
        <translation>Präfix:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scheme</source>
        <translation>Verfahren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secrets (comma-separated, for rotation)</source>
        <translation>Secrets (kommagetrennt, zur Rotation)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tolerance</source>
        <translation>Toleranz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Header (hmac-sha256)</source>
        <translation>Header (hmac-sha256)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoding</source>
        <translation>Kodierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prefix</source>
        <translation>Präfix</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>hmac-sha256 only: where the signature is; empty means X-Webhook-Signature</source>
        <translation>nur hmac-sha256: wo die Signatur steht; leer bedeutet X-Webhook-Signature</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hmac-sha256 only: hex or base64</source>
        <translation>nur hmac-sha256: hex oder base64</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hmac-sha256 only: text before the signature in the header, e.g. sha256=</source>
        <translation>nur hmac-sha256: Text vor der Signatur im Header, z. B. sha256=</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add signature</source>
        <translation>Signatur hinzufügen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Signatures:</source>
        <translation>Signaturen:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HS256 secret</source>
        <translation>HS256-Secret</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A JWKS file; the token&apos;s kid chooses the key</source>
        <translation>Eine JWKS-Datei; die kid des Tokens wählt den Schlüssel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional: https://sender.example/jwks.json</source>
        <translation>optional: https://sender.example/jwks.json</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetched at start, and again (at most once a minute) for an unknown kid</source>
        <translation>Wird beim Start abgerufen und bei einer unbekannten kid erneut (höchstens einmal pro Minute)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answer a repeated event id 200 and mark it duplicate</source>
        <translation>Eine wiederholte Ereignis-ID mit 200 beantworten und als Duplikat markieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+52"/>
        <location line="+95"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="-146"/>
        <source>no age limit</source>
        <translation>keine Altersgrenze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JWS public key:</source>
        <translation>Öffentlicher JWS-Schlüssel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JWS secret:</source>
        <translation>JWS-Secret:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JWS key set (JWKS file):</source>
        <translation>JWS-Schlüsselsatz (JWKS-Datei):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JWS key set URL:</source>
        <translation>URL des JWS-Schlüsselsatzes:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JWE private key:</source>
        <translation>Privater JWE-Schlüssel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dedupe:</source>
        <translation>Duplikate:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max age:</source>
        <translation>Höchstalter:</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>secret, or env:/file:/keychain: reference</source>
        <translation>Secret oder env:/file:/keychain:-Verweis</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The first accepted requests get these statuses in turn, then Status</source>
        <translation>Die ersten angenommenen Anfragen erhalten der Reihe nach diese Status, danach Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+94"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>Drop: close the connection without answering</source>
        <translation>Verwerfen: Verbindung ohne Antwort schließen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>These apply to the running receiver as you edit them.</source>
        <translation>Diese Einstellungen gelten sofort für den laufenden Empfänger.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status se&amp;quence:</source>
        <translation>Status-&amp;Folge:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delay:</source>
        <translation>&amp;Verzögerung:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Headers:</source>
        <translation>Header:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body:</source>
        <translation>Body:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Issue client-credentials tokens</source>
        <translation>Client-Credentials-Tokens ausstellen</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+30"/>
        <source>Path:</source>
        <translation>Pfad:</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Client id:</source>
        <translation>Client-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client secret:</source>
        <translation>Client-Secret:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client authentication:</source>
        <translation>Client-Authentifizierung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens valid for:</source>
        <translation>Tokens gültig für:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Serve a public key set (JWKS)</source>
        <translation>Öffentlichen Schlüsselsatz (JWKS) bereitstellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>optional: file:keys.json</source>
        <translation>optional: file:keys.json</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A JWKS file: only the public part of its keys is served</source>
        <translation>Eine JWKS-Datei: Nur der öffentliche Teil ihrer Schlüssel wird bereitgestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also serve the public part of the JWE private key</source>
        <translation>Auch den öffentlichen Teil des privaten JWE-Schlüssels bereitstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>default: the key&apos;s RFC 7638 thumbprint</source>
        <translation>Standard: der RFC-7638-Fingerabdruck des Schlüssels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Senders fetch the receiver&apos;s encryption key here; another receiver&apos;s JWS key set URL can point here too. Private parts and shared keys are never served.</source>
        <translation>Absender holen hier den Verschlüsselungsschlüssel des Empfängers; auch die JWS-Schlüsselsatz-URL eines anderen Empfängers kann hierher zeigen. Private Teile und gemeinsame Schlüssel werden nie bereitgestellt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>JWKS file:</source>
        <translation>JWKS-Datei:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decryption key id:</source>
        <translation>Schlüssel-ID der Entschlüsselung:</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+1"/>
        <source> bytes</source>
        <translation> Bytes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Max body:</source>
        <translation>Max. Body:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max headers:</source>
        <translation>Max. Header:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Header timeout:</source>
        <translation>Header-Zeitlimit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max connections:</source>
        <translation>Max. Verbindungen:</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payload</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replay to endpoint…</source>
        <translation>An Endpoint erneut senden…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy as curl</source>
        <translation>Als curl kopieren</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>curl command copied (secrets masked)</source>
        <translation>curl-Befehl kopiert (Secrets maskiert)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>optional: Authorization</source>
        <translation>optional: Authorization</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>Status sequence: &quot;%1&quot; is not an HTTP status (100–599); write e.g. 500, 500, 200</source>
        <translation>Status-Folge: „%1“ ist kein HTTP-Status (100–599); schreiben Sie z. B. 500, 500, 200</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Response headers: &quot;%1&quot; needs the form Name: value</source>
        <translation>Antwort-Header: „%1“ braucht die Form Name: Wert</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>Listen: %1</source>
        <translation>Empfangen auf: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Forward to: give an http:// or https:// URL</source>
        <translation>Weiterleiten an: Geben Sie eine http://- oder https://-URL an</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TLS: give a certificate and a key, or check &quot;self-signed&quot;</source>
        <translation>TLS: Geben Sie ein Zertifikat und einen Schlüssel an oder aktivieren Sie „selbstsigniert“</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS: requiring a client certificate needs HTTPS and a client CA</source>
        <translation>TLS: Ein Client-Zertifikat zu verlangen erfordert HTTPS und eine Client-CA</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Authentication: Basic needs a username and a password</source>
        <translation>Authentifizierung: Basic braucht einen Benutzernamen und ein Passwort</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Authentication: give the token to expect</source>
        <translation>Authentifizierung: Geben Sie das erwartete Token an</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Authentication: give the value to expect</source>
        <translation>Authentifizierung: Geben Sie den erwarteten Wert an</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Authentication: a custom header needs its name</source>
        <translation>Authentifizierung: Ein eigener Header braucht seinen Namen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Authentication: &quot;%1&quot; is not a header name; use letters, digits and -, such as X-Api-Key</source>
        <translation>Authentifizierung: &quot;%1&quot; ist kein Header-Name; verwenden Sie Buchstaben, Ziffern und -, etwa X-Api-Key</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Authentication: the prefix cannot hold line breaks or NUL characters</source>
        <translation>Authentifizierung: Das Präfix darf keine Zeilenumbrüche oder NUL-Zeichen enthalten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Authentication: OAuth 2.0 accepts only this receiver&apos;s tokens; turn on the token endpoint</source>
        <translation>Authentifizierung: OAuth 2.0 akzeptiert nur Tokens dieses Empfängers; aktivieren Sie den Token-Endpoint</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signatures, row %1: give at least one secret</source>
        <translation>Signaturen, Zeile %1: Geben Sie mindestens ein Secret an</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signatures, row %1: &quot;%2&quot; is not a header name; use letters, digits and -, such as X-Webhook-Signature (or leave it empty for that default)</source>
        <translation>Signaturen, Zeile %1: &quot;%2&quot; ist kein Header-Name; verwenden Sie Buchstaben, Ziffern und -, etwa X-Webhook-Signature (oder lassen Sie das Feld für diesen Standard leer)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signatures, row %1: the prefix cannot hold line breaks or NUL characters</source>
        <translation>Signaturen, Zeile %1: Das Präfix darf keine Zeilenumbrüche oder NUL-Zeichen enthalten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>JWS key set URL: give an absolute http:// or https:// URL, such as https://sender.example/jwks.json</source>
        <translation>URL des JWS-Schlüsselsatzes: Geben Sie eine absolute http://- oder https://-URL an, etwa https://sender.example/jwks.json</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Key set: the path starts with /, such as /.well-known/jwks.json</source>
        <translation>Schlüsselsatz: Der Pfad beginnt mit /, etwa /.well-known/jwks.json</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key set: the path is the token endpoint&apos;s path too; give each its own path</source>
        <translation>Schlüsselsatz: Der Pfad ist auch der des Token-Endpunkts; geben Sie jedem einen eigenen Pfad</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key set: give a JWKS file to serve (file:keys.json), or check &quot;Also serve the public part of the JWE private key&quot;</source>
        <translation>Schlüsselsatz: Geben Sie eine bereitzustellende JWKS-Datei an (file:keys.json) oder aktivieren Sie &quot;Auch den öffentlichen Teil des privaten JWE-Schlüssels bereitstellen&quot;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Key set: serving the decryption key needs a JWE private key (Verification tab)</source>
        <translation>Schlüsselsatz: Zum Bereitstellen des Entschlüsselungsschlüssels ist ein privater JWE-Schlüssel nötig (Reiter Prüfung)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Token endpoint: the path starts with /</source>
        <translation>Token-Endpoint: Der Pfad beginnt mit /</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Token endpoint: give a client id and a client secret</source>
        <translation>Token-Endpoint: Geben Sie eine Client-ID und ein Client-Secret an</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Token endpoint: client authentication &quot;%1&quot; is not one of basic, post, jwt</source>
        <translation>Token-Endpoint: Client-Authentifizierung „%1“ ist keine von basic, post, jwt</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Running; answers changed: status %1%2%3%4</source>
        <translation>Läuft; Antworten geändert: Status %1%2%3%4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, sequence %1</source>
        <translation>, Folge %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, delay %1 ms</source>
        <translation>, Verzögerung %1 ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, dropping connections</source>
        <translation>, Verbindungen werden verworfen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Running: %1 — changes outside Responses apply after Stop and Start</source>
        <translation>Läuft: %1 — Änderungen außerhalb von „Antworten“ gelten erst nach Stoppen und Starten</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+17"/>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>no receiver library</source>
        <translation>keine Empfängerbibliothek</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Receiver</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Receiver saved</source>
        <translation>Empfänger gespeichert</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+38"/>
        <source>Not started: %1</source>
        <translation>Nicht gestartet: %1</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Could not store requests (answered 503): %1</source>
        <translation>Anfragen konnten nicht gespeichert werden (mit 503 beantwortet): %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Certificate SHA-256: %1</source>
        <translation>Zertifikat SHA-256: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Running: %1</source>
        <translation>Läuft: %1</translation>
    </message>
    <message>
        <location line="-151"/>
        <location line="+151"/>
        <source>unsaved receiver</source>
        <translation>ungespeicherter Empfänger</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; token endpoint %1</source>
        <translation>; Token-Endpoint %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> — reachable from the network</source>
        <translation> — aus dem Netzwerk erreichbar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&lt;p&gt;Select a request to see its checks explained.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wählen Sie eine Anfrage aus, um ihre Prüfungen erklärt zu sehen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> (duplicate of an event already seen)</source>
        <translation> (Duplikat eines bereits gesehenen Ereignisses)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;This receiver checks nothing: every request is accepted.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Dieser Empfänger prüft nichts: Jede Anfrage wird angenommen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>JOSE headers and claims:
%1
</source>
        <translation>JOSE-Header und Claims:
%1
</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Payload:
%1</source>
        <translation>Nutzdaten:
%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plain HTTP: no TLS session, no client certificate.</source>
        <translation>Einfaches HTTP: keine TLS-Sitzung, kein Client-Zertifikat.</translation>
    </message>
</context>
<context>
    <name>RetryTimelineWidget</name>
    <message>
        <location filename="../ui/RetryTimelineWidget.cpp" line="+15"/>
        <source>Retry timeline</source>
        <translation>Zeitleiste der Wiederholungen</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>No attempts</source>
        <translation>Keine Versuche</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>first try</source>
        <translation>erster Versuch</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no retries</source>
        <translation>keine Wiederholungen</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n Versuch</numerusform>
            <numerusform>%n Versuche</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SecretLineEdit</name>
    <message>
        <location filename="../ui/SecretLineEdit.cpp" line="+15"/>
        <location line="+13"/>
        <source>Reveal</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Show or hide the secret</source>
        <translation>Secret anzeigen oder verbergen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>value, or env:NAME, file:PATH, keychain:NAME</source>
        <translation>Wert, oder env:NAME, file:PATH, keychain:NAME</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
</context>
<context>
    <name>TokenExchangeView</name>
    <message>
        <location filename="../ui/TokenExchangeView.cpp" line="+50"/>
        <source>Client assertion (decoded; the signature is left out):</source>
        <translation>Client-Assertion (dekodiert; ohne Signatur):</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No token request was made: the token came from the cache.</source>
        <translation>Es wurde kein Token angefordert: Das Token kam aus dem Cache.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2 (client auth %3): </source>
        <translation>%1 %2 (Client-Authentifizierung %3): </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>HTTP %1 in %2 ms</source>
        <translation>HTTP %1 in %2 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no answer after %1 ms</source>
        <translation>keine Antwort nach %1 ms</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, %1 tries</source>
        <translation>, %1 Versuche</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>HTTP %1 (%2)</source>
        <translation>HTTP %1 (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No answer.</source>
        <translation>Keine Antwort.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>try %1: %2 ms %3</source>
        <translation>Versuch %1: %2 ms %3</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>header:
%1
claims:
%2</source>
        <translation>Header:
%1
Claims:
%2</translation>
    </message>
</context>
<context>
    <name>TraceInspector</name>
    <message>
        <location filename="../ui/TraceInspector.cpp" line="+29"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Ra&amp;w body</source>
        <translation>Ro&amp;her Body</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signatures</source>
        <translation>Signaturen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Timing:</source>
        <translation>Zeiten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS:</source>
        <translation>TLS:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timing and TLS</source>
        <translation>Zeiten und TLS</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Nothing sent yet. Press Ctrl+Return to send the event to the endpoint.</source>
        <translation>Noch nichts gesendet. Drücken Sie Strg+Eingabe, um das Ereignis an den Endpoint zu senden.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sending %1 to %2…</source>
        <translation>%1 wird an %2 gesendet…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>From history: %1, %2</source>
        <translation>Aus dem Verlauf: %1, %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>#%1  %2</source>
        <translation>#%1  %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  delivered</source>
        <translation>  zugestellt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  retrying in %1</source>
        <translation>  neuer Versuch in %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  failed</source>
        <translation>  fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>; next attempt in %1 (%2)</source>
        <translation>; nächster Versuch in %1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>
redirect %1</source>
        <translation>
Weiterleitung %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>
token: %1</source>
        <translation>
Token: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>attempt %1 of %2, started %3, %4 ms</source>
        <translation>Versuch %1 von %2, gestartet %3, %4 ms</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>plain HTTP (no TLS)</source>
        <translation>reines HTTP (kein TLS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2
%3</source>
        <translation>%1, %2
%3</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>
… (truncated at %1 bytes)</source>
        <translation>
… (nach %1 Bytes abgeschnitten)</translation>
    </message>
</context>
</TS>
