<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>CheckEndpointDialog</name>
    <message>
        <location filename="../ui/CheckEndpointDialog.cpp" line="+96"/>
        <source>Check endpoint — %1</source>
        <translation>Comprobar endpoint — %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Does %1 %2 refuse tampered, replayed and unsigned webhooks?</source>
        <translation>¿Rechaza %1 %2 los webhooks manipulados, repetidos y sin firmar?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%v of %m cases</source>
        <translation>%v de %m casos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expectation</source>
        <translation>Expectativa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Risk</source>
        <translation>Riesgo</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Run again</source>
        <translation>Ejecutar de nuevo</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Not checked: %1</source>
        <translation>No comprobado: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Preparing the cases…</source>
        <translation>Preparando los casos…</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Sending %n case(s)…</source>
        <translation>
            <numerusform>Enviando %n caso…</numerusform>
            <numerusform>Enviando %n casos…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>✓ Conforms: all %1 cases behaved.</source>
        <translation>✓ Conforme: los %1 casos se comportaron correctamente.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✗ Does not conform: %1 of %2 cases ok, %3 not ok. Each failing row says what an attacker could do.</source>
        <translation>✗ No conforme: %1 de %2 casos correctos, %3 incorrectos. Cada fila fallida indica lo que podría hacer un atacante.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Note: %1</source>
        <translation>Nota: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1
Sent: %2</source>
        <translation>%1
Enviado: %2</translation>
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
        <translation>&amp;General</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Authentication</source>
        <translation>&amp;Autenticación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Si&amp;gning</source>
        <translation>&amp;Firma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Payload security</source>
        <translation>Seguridad de la &amp;carga</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;LS</source>
        <translation>T&amp;LS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Retry</source>
        <translation>Rein&amp;tentos</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>Loans staging</source>
        <translation>Préstamos staging</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>https://hooks.example.com/webhook</source>
        <translation>https://hooks.example.com/webhook</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+148"/>
        <location line="+201"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location line="-347"/>
        <source>Add header</source>
        <translation>Añadir cabecera</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove header</source>
        <translation>Quitar cabecera</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Follow redirects (credentials never go to another origin)</source>
        <translation>Seguir redirecciones (las credenciales nunca van a otro origen)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Method:</source>
        <translation>&amp;Método:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headers:</source>
        <translation>Cabeceras:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Content type:</source>
        <translation>Tipo de &amp;contenido:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Timeout:</source>
        <translation>&amp;Tiempo límite:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basic (username and password)</source>
        <translation>Basic (usuario y contraseña)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bearer token</source>
        <translation>Token Bearer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API key header</source>
        <translation>Clave de API en cabecera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom header</source>
        <translation>Cabecera personalizada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OAuth 2.0 client credentials</source>
        <translation>OAuth 2.0 credenciales de cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OAuth 2.0 authorization code</source>
        <translation>OAuth 2.0 código de autorización</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No credentials are sent.</source>
        <translation>No se envían credenciales.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>acme</source>
        <translation>acme</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Username:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <location line="+9"/>
        <location line="+10"/>
        <location line="+76"/>
        <source>Header &amp;name:</source>
        <translation>&amp;Nombre de la cabecera:</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>T&amp;oken:</source>
        <translation>T&amp;oken:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>optional, e.g. ApiKey </source>
        <translation>opcional, p. ej. ApiKey </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Key:</source>
        <translation>&amp;Clave:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Prefix:</source>
        <translation>&amp;Prefijo:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Value:</source>
        <translation>&amp;Valor:</translation>
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
        <translation>o bien: https://auth.example.com (con la ruta de abajo)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+93"/>
        <source>basic: HTTP Basic header</source>
        <translation>basic: cabecera HTTP Basic</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>post: id and secret in the body</source>
        <translation>post: id y secreto en el cuerpo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>jwt: assertion signed with the secret (HS256)</source>
        <translation>jwt: aserción firmada con el secreto (HS256)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>privateKeyJwt: assertion signed with a private key</source>
        <translation>privateKeyJwt: aserción firmada con una clave privada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tlsClientAuth: the TLS client certificate</source>
        <translation>tlsClientAuth: el certificado de cliente TLS</translation>
    </message>
    <message>
        <location line="-151"/>
        <source>file:PATH of a PEM key, or paste the PEM (kept in the keychain)</source>
        <translation>file:PATH de una clave PEM, o pegue el PEM (se guarda en el llavero)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+555"/>
        <source>PEM keys (*.pem *.key);;All files (*)</source>
        <translation>Claves PEM (*.pem *.key);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="-548"/>
        <source>Generate key…</source>
        <translation>Generar clave…</translation>
    </message>
    <message>
        <location line="+157"/>
        <source>by key type</source>
        <translation>según el tipo de clave</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The assertion&apos;s aud: tokenUrl (the default), webhookUrl, or any other string used as it is (e.g. the issuer URL Keycloak accepts)</source>
        <translation>El aud de la aserción: tokenUrl (por defecto), webhookUrl, o cualquier otra cadena usada tal cual (p. ej. la URL del emisor que acepta Keycloak)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional, e.g. hooks.write</source>
        <translation>opcional, p. ej. hooks.write</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional (Auth0 needs the API identifier)</source>
        <translation>opcional (Auth0 necesita el identificador de la API)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional (RFC 8707)</source>
        <translation>opcional (RFC 8707)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location line="-196"/>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+318"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>Get token</source>
        <translation>Obtener token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests a token now and shows the exchange; a send afterwards reuses it</source>
        <translation>Pide un token ahora y muestra el intercambio; un envío posterior lo reutiliza</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Token &amp;URL:</source>
        <translation>&amp;URL del token:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auth server URL:</source>
        <translation>URL del servidor de autorización:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token path:</source>
        <translation>Ruta del token:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client &amp;ID:</source>
        <translation>&amp;ID de cliente:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+59"/>
        <source>Client authentication:</source>
        <translation>Autenticación del cliente:</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Client &amp;secret:</source>
        <translation>&amp;Secreto de cliente:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private &amp;key:</source>
        <translation>Clave &amp;privada:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+229"/>
        <source>Algorithm:</source>
        <translation>Algoritmo:</translation>
    </message>
    <message>
        <location line="-228"/>
        <source>Assertion audience:</source>
        <translation>Audiencia de la aserción:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sc&amp;ope:</source>
        <translation>Alcan&amp;ce (scope):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audience:</source>
        <translation>Audiencia:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resource:</source>
        <translation>Recurso:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra form fields:</source>
        <translation>Campos de formulario adicionales:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sign in opens your browser, exchanges the code and keeps the refresh token in the keychain. Send then gets its access token from that refresh token silently; when none is stored, or the server refuses it, Send asks you to sign in again.</source>
        <translation>Iniciar sesión abre su navegador, canjea el código y guarda el token de actualización en el llavero. Después, Enviar obtiene su token de acceso con ese token de actualización sin preguntar; si no hay ninguno guardado o el servidor lo rechaza, Enviar le pide que inicie sesión de nuevo.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>https://auth.example.com/oauth2/authorize</source>
        <translation>https://auth.example.com/oauth2/authorize</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>empty for a public client; or a value, env:NAME, keychain:NAME</source>
        <translation>vacío para un cliente público; o un valor, env:NAME, keychain:NAME</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. hooks offline_access</source>
        <translation>p. ej. hooks offline_access</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>default: http://127.0.0.1:PORT/callback</source>
        <translation>por defecto: http://127.0.0.1:PORT/callback</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>post: in the body</source>
        <translation>post: en el cuerpo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PKCE (S256)</source>
        <translation>PKCE (S256)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;ign in…</source>
        <translation>&amp;Iniciar sesión…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Authorization URL:</source>
        <translation>URL de autorización:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token URL:</source>
        <translation>URL del token:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client ID:</source>
        <translation>ID de cliente:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client secret:</source>
        <translation>Secreto de cliente:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scope:</source>
        <translation>Alcance (scope):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redirect URI:</source>
        <translation>URI de redirección:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Header name:</source>
        <translation>Nombre de la cabecera:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Secret fields take a value (saved to the system keychain, never to the profile file) or a reference: env:NAME, file:PATH or keychain:NAME.</source>
        <translation>Los campos secretos admiten un valor (guardado en el llavero del sistema, nunca en el archivo del perfil) o una referencia: env:NAME, file:PATH o keychain:NAME.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Add scheme</source>
        <translation>Añadir esquema</translation>
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
        <translation>opcional, p. ej. sha256=</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>default: the event&apos;s id</source>
        <translation>por defecto: el id del evento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scheme:</source>
        <translation>Esquema:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secret:</source>
        <translation>Secreto:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Header:</source>
        <translation>Cabecera:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoding:</source>
        <translation>Codificación:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prefix:</source>
        <translation>Prefijo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message id:</source>
        <translation>Id del mensaje:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>standard-webhooks: whsec_… for HMAC (v1), whsk_… for Ed25519 (v1a). Every scheme signs the exact bytes sent.</source>
        <translation>standard-webhooks: whsec_… para HMAC (v1), whsk_… para Ed25519 (v1a). Cada esquema firma exactamente los bytes enviados.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Preview: the headers these schemes add for the current event</source>
        <translation>Vista previa: las cabeceras que estos esquemas añaden para el evento actual</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Header</source>
        <translation>Cabecera</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The body can be signed (JWS), encrypted (JWE), or both: signed first, then encrypted. Signatures of the Signing tab are computed over the result.</source>
        <translation>El cuerpo se puede firmar (JWS), cifrar (JWE) o ambas cosas: primero se firma y luego se cifra. Las firmas de la pestaña Firma se calculan sobre el resultado.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign the payload (JWS)</source>
        <translation>Firmar la carga (JWS)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>optional key id for the receiver</source>
        <translation>id de clave opcional para el receptor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value (JSON or text)</source>
        <translation>Valor (JSON o texto)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no iat/exp</source>
        <translation>sin iat/exp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Private key:</source>
        <translation>Clave privada:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secret (HS256):</source>
        <translation>Secreto (HS256):</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+34"/>
        <source>Key id (kid):</source>
        <translation>Id de clave (kid):</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Claims added:</source>
        <translation>Claims añadidos:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires in:</source>
        <translation>Caduca en:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Encrypt the payload (JWE)</source>
        <translation>Cifrar la carga (JWE)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>file:PATH of the recipient&apos;s public key or certificate, or the PEM</source>
        <translation>file:PATH de la clave pública o el certificado del destinatario, o el PEM</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Public keys and certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Claves públicas y certificados (*.pem *.crt *.cer);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Makes a key pair for a test recipient: the public key is used here, the private key is for the receiver</source>
        <translation>Crea un par de claves para un destinatario de prueba: la clave pública se usa aquí, la privada es para el receptor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional key id of the recipient&apos;s key</source>
        <translation>id opcional de la clave del destinatario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key management:</source>
        <translation>Gestión de claves:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content encryption:</source>
        <translation>Cifrado del contenido:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient key:</source>
        <translation>Clave del destinatario:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Preview: the body that would be sent for the current event</source>
        <translation>Vista previa: el cuerpo que se enviaría para el evento actual</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Decoded header:</source>
        <translation>Cabecera decodificada:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Verify the server&apos;s certificate</source>
        <translation>&amp;Verificar el certificado del servidor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>⚠ Certificates are not checked: anyone on the network path can read and change what is sent, credentials included. Use this only against a test server, or pin the server&apos;s key below.</source>
        <translation>⚠ Los certificados no se comprueban: cualquiera en la ruta de red puede leer y cambiar lo que se envía, credenciales incluidas. Úselo solo contra un servidor de prueba, o fije la clave del servidor abajo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PEM bundle added to the trust store</source>
        <translation>Paquete PEM añadido al almacén de confianza</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One base64 SHA-256 of the server&apos;s public key per line</source>
        <translation>Un SHA-256 en base64 de la clave pública del servidor por línea</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Fetch pin</source>
        <translation>&amp;Obtener pin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connects once to the endpoint&apos;s host and shows its public-key pin</source>
        <translation>Se conecta una vez al host del endpoint y muestra el pin de su clave pública</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add to pins</source>
        <translation>Añadir a los pines</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;CA file:</source>
        <translation>Archivo de &amp;CA:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificados (*.pem *.crt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pins:</source>
        <translation>&amp;Pines:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Client certificate (mutual TLS)</source>
        <translation>Certificado de cliente (TLS mutuo)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PEM certificate, or a PKCS#12 file</source>
        <translation>Certificado PEM, o un archivo PKCS#12</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>file:PATH of the PEM key, or paste it (kept in the keychain); empty for PKCS#12</source>
        <translation>file:PATH de la clave PEM, o péguela (se guarda en el llavero); vacío para PKCS#12</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>for an encrypted key or a PKCS#12 file (kept in the keychain)</source>
        <translation>para una clave cifrada o un archivo PKCS#12 (se guarda en el llavero)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate:</source>
        <translation>Certificado:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Certificates (*.pem *.crt *.p12 *.pfx);;All files (*)</source>
        <translation>Certificados (*.pem *.crt *.p12 *.pfx);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key:</source>
        <translation>Clave:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key password:</source>
        <translation>Contraseña de la clave:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEM: the certificate (intermediates after it) and its key. PKCS#12: the .p12 file as certificate, the key left empty, the password opens the file. Also used by OAuth tlsClientAuth.</source>
        <translation>PEM: el certificado (los intermedios después) y su clave. PKCS#12: el archivo .p12 como certificado, la clave vacía, la contraseña abre el archivo. También lo usa OAuth tlsClientAuth.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>None (one attempt)</source>
        <translation>Ninguna (un intento)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exponential backoff</source>
        <translation>Espera exponencial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed interval</source>
        <translation>Intervalo fijo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule (list of waits)</source>
        <translation>Calendario (lista de esperas)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Jitter (each wait drawn between half and all of it)</source>
        <translation>Jitter (cada espera elegida al azar entre la mitad y el total)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 1000, 60000, 3600000</source>
        <translation>p. ej. 1000, 60000, 3600000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Policy:</source>
        <translation>&amp;Política:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Attempts (first try included):</source>
        <translation>&amp;Intentos (incluido el primero):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Initial delay:</source>
        <translation>Espera &amp;inicial:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ma&amp;x delay:</source>
        <translation>Espera má&amp;xima:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>M&amp;ultiplier:</source>
        <translation>M&amp;ultiplicador:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I&amp;nterval:</source>
        <translation>I&amp;ntervalo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Waits (ms):</source>
        <translation>&amp;Esperas (ms):</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>When the attempts would happen:</source>
        <translation>Cuándo se harían los intentos:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A 2xx ends the attempts; 410 Gone ends them at once; a longer Retry-After answer sets the next wait.</source>
        <translation>Una respuesta 2xx termina los intentos; 410 Gone los termina de inmediato; un Retry-After más largo en la respuesta fija la siguiente espera.</translation>
    </message>
    <message>
        <location line="+325"/>
        <source>Sends Authorization: Basic base64(username:password).</source>
        <translation>Envía Authorization: Basic base64(usuario:contraseña).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sends Authorization: Bearer TOKEN (or in the header you name).</source>
        <translation>Envía Authorization: Bearer TOKEN (o en la cabecera que indique).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sends the key in the header you name, after the prefix, e.g. X-Api-Key: prefix+key.</source>
        <translation>Envía la clave en la cabecera que indique, tras el prefijo, p. ej. X-Api-Key: prefijo+clave.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sends the value exactly as given, in Authorization or the header you name.</source>
        <translation>Envía el valor tal cual, en Authorization o en la cabecera que indique.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fetches a token (grant_type=client_credentials) from the token URL and sends it as Authorization: Bearer TOKEN. The token is reused until 30 s before it expires; a 401 fetches a new one and sends once more.</source>
        <translation>Obtiene un token (grant_type=client_credentials) de la URL de token y lo envía como Authorization: Bearer TOKEN. El token se reutiliza hasta 30 s antes de caducar; un 401 obtiene uno nuevo y envía una vez más.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You sign in once in the system browser; the refresh token is kept in the keychain (entry oauth2-refresh:CLIENT@TOKENURL).</source>
        <translation>Inicia sesión una vez en el navegador del sistema; el token de refresco se guarda en el llavero (entrada oauth2-refresh:CLIENT@TOKENURL).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>URL: required; enter the full address, e.g. https://hooks.example.com/webhook</source>
        <translation>URL: obligatoria; escriba la dirección completa, p. ej. https://hooks.example.com/webhook</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>URL: must be an absolute http:// or https:// address</source>
        <translation>URL: debe ser una dirección http:// o https:// absoluta</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: the header name is required, e.g. X-Api-Key</source>
        <translation>%1: el nombre de la cabecera es obligatorio, p. ej. X-Api-Key</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: &quot;%2&quot; is not a valid header name (letters, digits and -, no spaces)</source>
        <translation>%1: «%2» no es un nombre de cabecera válido (letras, dígitos y -, sin espacios)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Username: required for Basic authentication</source>
        <translation>Usuario: obligatorio para la autenticación Basic</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Username: must not contain &apos;:&apos; (Basic authentication separates it from the password with one)</source>
        <translation>Usuario: no debe contener «:» (la autenticación Basic lo separa de la contraseña con uno)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Password: required; type it (it is saved to the keychain) or give env:NAME</source>
        <translation>Contraseña: obligatoria; escríbala (se guarda en el llavero) o indique env:NAME</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <location line="+9"/>
        <location line="+33"/>
        <source>Header name</source>
        <translation>Nombre de la cabecera</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Token: required; type it (it is saved to the keychain) or give env:NAME</source>
        <translation>Token: obligatorio; escríbalo (se guarda en el llavero) o indique env:NAME</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key: required; type it (it is saved to the keychain) or give env:NAME</source>
        <translation>Clave: obligatoria; escríbala (se guarda en el llavero) o indique env:NAME</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Value: required; the header value to send</source>
        <translation>Valor: obligatorio; el valor de la cabecera que se envía</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Token URL: required; the token endpoint, e.g. https://auth.example.com/oauth2/token (or an auth server URL and a token path)</source>
        <translation>URL del token: obligatoria; el endpoint de tokens, p. ej. https://auth.example.com/oauth2/token (o una URL de servidor de autorización y una ruta de token)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Token URL: give either the token URL or the auth server URL, not both</source>
        <translation>URL del token: indique la URL del token o la del servidor de autorización, no ambas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Token URL: &quot;%1&quot; is not an absolute http:// or https:// address</source>
        <translation>URL del token: «%1» no es una dirección http:// o https:// absoluta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client ID: required; the id the authorization server gave this client</source>
        <translation>ID de cliente: obligatorio; el id que el servidor de autorización dio a este cliente</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Client secret: required for %1; type it (it is saved to the keychain) or give env:NAME</source>
        <translation>Secreto de cliente: obligatorio para %1; escríbalo (se guarda en el llavero) o indique env:NAME</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Private key: required for privateKeyJwt; choose a PEM file (Browse…) or generate one</source>
        <translation>Clave privada: obligatoria para privateKeyJwt; elija un archivo PEM (Examinar…) o genere una</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client authentication: tlsClientAuth needs a client certificate; set it on the TLS tab</source>
        <translation>Autenticación del cliente: tlsClientAuth necesita un certificado de cliente; configúrelo en la pestaña TLS</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>JWS secret: required for HS256; type it (it is saved to the keychain) or give env:NAME</source>
        <translation>Secreto JWS: obligatorio para HS256; escríbalo (se guarda en el llavero) o indique env:NAME</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JWS private key: required for %1; choose a PEM file or generate a key</source>
        <translation>Clave privada JWS: obligatoria para %1; elija un archivo PEM o genere una clave</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>JWE recipient key: required; choose the recipient&apos;s public key or certificate</source>
        <translation>Clave del destinatario JWE: obligatoria; elija la clave pública o el certificado del destinatario</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS client certificate: a key is set but no certificate; choose the certificate file</source>
        <translation>Certificado de cliente TLS: hay una clave pero ningún certificado; elija el archivo del certificado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signature %1 (%2): the secret is required</source>
        <translation>Firma %1 (%2): el secreto es obligatorio</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Retry: a schedule needs at least one wait, e.g. 1000, 60000</source>
        <translation>Reintentos: un calendario necesita al menos una espera, p. ej. 1000, 60000</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signature</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Retry</source>
        <translation>Reintentos</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>No signature schemes: add one to see the headers it produces.</source>
        <translation>Sin esquemas de firma: añada uno para ver las cabeceras que produce.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The event in the composer is not valid JSON: fix it to see the signatures.</source>
        <translation>El evento del editor no es JSON válido: corríjalo para ver las firmas.</translation>
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
        <translation>Examinar…</translation>
    </message>
    <message>
        <location line="-378"/>
        <source>Choose a file</source>
        <translation>Elegir un archivo</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Authorization: Basic base64(urlencode(id):urlencode(secret)). The most common form.</source>
        <translation>Authorization: Basic base64(urlencode(id):urlencode(secret)). La forma más habitual.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>client_id and client_secret go in the form body.</source>
        <translation>client_id y client_secret van en el cuerpo del formulario.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>client_secret_jwt (RFC 7523): a JWT with iss = sub = client id, aud, iat, exp = iat + 300 and a fresh jti, signed HS256 with the secret; the secret itself is not sent.</source>
        <translation>client_secret_jwt (RFC 7523): un JWT con iss = sub = id de cliente, aud, iat, exp = iat + 300 y un jti nuevo, firmado HS256 con el secreto; el secreto en sí no se envía.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>private_key_jwt (RFC 7523): the same JWT signed with your private key (RS256, PS256, ES256 or EdDSA by key type); the server holds the public key.</source>
        <translation>private_key_jwt (RFC 7523): el mismo JWT firmado con su clave privada (RS256, PS256, ES256 o EdDSA según el tipo de clave); el servidor tiene la clave pública.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RFC 8705: client_id in the body; the client proves itself with the client certificate of the TLS tab.</source>
        <translation>RFC 8705: client_id en el cuerpo; el cliente se identifica con el certificado de cliente de la pestaña TLS.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Token exchange</source>
        <translation>Intercambio del token</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+19"/>
        <source>no delivery engine to fetch the token with</source>
        <translation>no hay motor de entrega con el que obtener el token</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Reading secrets…</source>
        <translation>Leyendo secretos…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Requesting a token from %1…</source>
        <translation>Pidiendo un token a %1…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Token %1 (%2), valid until %3</source>
        <translation>Token %1 (%2), válido hasta %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>, scope %1</source>
        <translation>, scope %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+16"/>
        <source>no delivery engine to sign in with</source>
        <translation>no hay motor de entrega con el que iniciar sesión</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not open a browser; open this address yourself: %1</source>
        <translation>No se pudo abrir un navegador; abra usted esta dirección: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting for you to sign in in the browser…</source>
        <translation>Esperando a que inicie sesión en el navegador…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opening the browser…</source>
        <translation>Abriendo el navegador…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signed in: token %1, valid until %2; the refresh token is in the keychain.</source>
        <translation>Sesión iniciada: token %1, válido hasta %2; el token de refresco está en el llavero.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>⚠ Fetch pin needs an https:// URL on the General tab</source>
        <translation>⚠ Obtener pin necesita una URL https:// en la pestaña General</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connecting to %1…</source>
        <translation>Conectando con %1…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>⚠ The server presented no certificate</source>
        <translation>⚠ El servidor no presentó ningún certificado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server key pin: %1
from %2</source>
        <translation>Pin de la clave del servidor: %1
de %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>⚠ No TLS answer within 10 s</source>
        <translation>⚠ Sin respuesta TLS en 10 s</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>JWE encrypts to RSA or EC keys; choose rsa or ec</source>
        <translation>JWE cifra para claves RSA o EC; elija rsa o ec</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name: required, a file name without folders, e.g. hookbench-jws</source>
        <translation>Nombre: obligatorio, un nombre de archivo sin carpetas, p. ej. hookbench-jws</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Folder: cannot create %1</source>
        <translation>Carpeta: no se puede crear %1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 key written to %2 (public key: %3)</source>
        <translation>Clave %1 escrita en %2 (clave pública: %3)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Generate key</source>
        <translation>Generar clave</translation>
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
        <translation>Carpeta para los archivos de clave</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Generate</source>
        <translation>Generar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key type:</source>
        <translation>Tipo de clave:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder:</source>
        <translation>Carpeta:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writes NAME.key.pem (the recipient&apos;s private key, for the receiver, readable by you only) and NAME.pub.pem, which this profile encrypts to.</source>
        <translation>Escribe NAME.key.pem (la clave privada del destinatario, para el receptor, legible solo por usted) y NAME.pub.pem, para la que cifra este perfil.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writes NAME.key.pem (readable by you only), which this profile signs with, and NAME.pub.pem for the other side.</source>
        <translation>Escribe NAME.key.pem (legible solo por usted), con la que firma este perfil, y NAME.pub.pem para la otra parte.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Neither JWS nor JWE: the body is the event&apos;s JSON as it is.</source>
        <translation>Ni JWS ni JWE: el cuerpo es el JSON del evento tal cual.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The event in the composer is not valid JSON: fix it to see the body.</source>
        <translation>El evento del editor no es JSON válido: corríjalo para ver el cuerpo.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>JWE protected header:
%1
(the content is encrypted to the recipient&apos;s key)</source>
        <translation>Cabecera protegida JWE:
%1
(el contenido va cifrado para la clave del destinatario)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>JWS header:
%1
payload:
%2</source>
        <translation>Cabecera JWS:
%1
carga:
%2</translation>
    </message>
</context>
<context>
    <name>EndpointLibrary</name>
    <message>
        <location filename="../ui/EndpointLibrary.cpp" line="+172"/>
        <source>%1 holds a secret value that is not in the keychain yet; save it again once a keychain is available, or use an env: or file: reference</source>
        <translation>%1 contiene un valor secreto que aún no está en el llavero; guárdelo de nuevo cuando haya un llavero disponible, o use una referencia env: o file:</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+6"/>
        <source>cannot write the endpoint order: %1</source>
        <translation>no se puede escribir el orden de los endpoints: %1</translation>
    </message>
    <message>
        <location line="-120"/>
        <source>no secret store is available; nothing was saved</source>
        <translation>no hay almacén de secretos disponible; no se guardó nada</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 was not saved: %2</source>
        <translation>%1 no se guardó: %2</translation>
    </message>
    <message>
        <location line="+177"/>
        <location line="+27"/>
        <source>there is no endpoint %1</source>
        <translation>no existe el endpoint %1</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>cannot delete the endpoint file: %1</source>
        <translation>no se puede eliminar el archivo del endpoint: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot move the endpoint there</source>
        <translation>no se puede mover el endpoint ahí</translation>
    </message>
</context>
<context>
    <name>EventComposer</name>
    <message>
        <location filename="../ui/EventComposer.cpp" line="+65"/>
        <source>&amp;Template:</source>
        <translation>&amp;Plantilla:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Placeholders: {{uuid}}, {{now}}, {{timestamp}}, filled in at send time</source>
        <translation>Marcadores: {{uuid}}, {{now}}, {{timestamp}}, se rellenan al enviar</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Choose a template…</source>
        <translation>Elegir una plantilla…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sample: %1</source>
        <translation>Ejemplo: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mine: %1</source>
        <translation>El mío: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot read the template %1: %2</source>
        <translation>No se puede leer la plantilla %1: %2</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Valid JSON event</source>
        <translation>Evento JSON válido</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the event is not valid JSON (%1); fix it before saving</source>
        <translation>el evento no es JSON válido (%1); corríjalo antes de guardar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the event name is empty; give it a name such as order.created</source>
        <translation>el nombre del evento está vacío; dele un nombre como order.created</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>FirstRunDemo</name>
    <message>
        <location filename="../ui/FirstRunDemo.cpp" line="+50"/>
        <source>Demo receiver</source>
        <translation>Receptor de demostración</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No keychain answers, so the demo&apos;s secrets cannot be stored. The demo will keep them in memory for this session only (its profiles hold env: references to them); nothing secret is written to disk. After a restart, set up the demo again.</source>
        <translation>No responde ningún llavero, así que los secretos de la demostración no se pueden guardar. La demostración los mantendrá en memoria solo durante esta sesión (sus perfiles contienen referencias env: a ellos); no se escribe nada secreto en el disco. Tras reiniciar, vuelva a configurar la demostración.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Demo without a keychain</source>
        <translation>Demostración sin llavero</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Demo endpoint</source>
        <translation>Endpoint de demostración</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Demo ready: press Send (Ctrl+Return) and watch the Receiver page verify it; then Delivery → Send a tampered one (Ctrl+Shift+T).</source>
        <translation>Demostración lista: pulse Enviar (Ctrl+Intro) y observe cómo la página Receptor la verifica; después, Entrega → Enviar una copia manipulada (Ctrl+Shift+T).</translation>
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
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Event type</source>
        <translation>Tipo de evento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Event id</source>
        <translation>Id del evento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempt</source>
        <translation>Intento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
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
        <translation>Eliminar %1</translation>
    </message>
    <message>
        <location line="-97"/>
        <location line="+128"/>
        <source>Rename %1 to %2</source>
        <translation>Renombrar %1 a %2</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Move endpoint</source>
        <translation>Mover endpoint</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Delete event</source>
        <translation>Eliminar evento</translation>
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
        <translation>El historial no está disponible: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not write to the history: %1</source>
        <translation>No se pudo escribir en el historial: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>press Sign in on the endpoint&apos;s Authentication tab</source>
        <translation>pulse Iniciar sesión en la pestaña Autenticación del endpoint</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>: %1 — %2</source>
        <translation>: %1 — %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Receiver: %1 %2 %3 (%4)%5</source>
        <translation>Receptor: %1 %2 %3 (%4)%5</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Some endpoint files could not be read: %1</source>
        <translation>Algunos archivos de endpoint no se pudieron leer: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;New endpoint</source>
        <translation>&amp;Nuevo endpoint</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplicar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;name</source>
        <translation>Re&amp;nombrar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;up</source>
        <translation>&amp;Subir</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move do&amp;wn</source>
        <translation>&amp;Bajar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save endpoint</source>
        <translation>&amp;Guardar endpoint</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import profile…</source>
        <translation>&amp;Importar perfil…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export profile…</source>
        <translation>&amp;Exportar perfil…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save e&amp;vent as…</source>
        <translation>Guardar e&amp;vento como…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Send</source>
        <translation>En&amp;viar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Resend</source>
        <translation>&amp;Reenviar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cancel pending retries</source>
        <translation>&amp;Cancelar reintentos pendientes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy as c&amp;url</source>
        <translation>Copiar como c&amp;url</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Filter…</source>
        <translation>&amp;Filtrar…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Re&amp;fresh history</source>
        <translation>Actuali&amp;zar historial</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chec&amp;k endpoint…</source>
        <translation>Com&amp;probar endpoint…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send a &amp;tampered one</source>
        <translation>Enviar una copia &amp;manipulada</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start/stop &amp;receiver</source>
        <translation>&amp;Iniciar/detener receptor</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New recei&amp;ver</source>
        <translation>Nuevo &amp;receptor</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Delivery</source>
        <translation>E&amp;ntrega</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rece&amp;iver</source>
        <translation>&amp;Receptor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set up the loopback &amp;demo…</source>
        <translation>Configurar la &amp;demostración de loopback…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Endpoint</source>
        <translation>E&amp;ndpoint</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E&amp;vent</source>
        <translation>E&amp;vento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;History</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recei&amp;ver</source>
        <translation>&amp;Receptor</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>&lt;b&gt;New here?&lt;/b&gt; Set up a loopback demo: a receiver on this machine and an endpoint aimed at it, with Basic, HMAC, Standard Webhooks and OAuth client credentials, so you can send one event and see it verified.</source>
        <translation>&lt;b&gt;¿Es nuevo aquí?&lt;/b&gt; Configure una demostración de loopback: un receptor en este equipo y un endpoint que apunta a él, con Basic, HMAC, Standard Webhooks y credenciales de cliente OAuth, para que pueda enviar un evento y ver cómo se verifica.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Set up the demo</source>
        <translation>Configurar la demostración</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No, thanks</source>
        <translation>No, gracias</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Filter endpoints and events</source>
        <translation>Filtrar endpoints y eventos</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Endpoints</source>
        <translation>Endpoints</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved events</source>
        <translation>Eventos guardados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receivers</source>
        <translation>Receptores</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+283"/>
        <source>Add endpoint</source>
        <translation>Añadir endpoint</translation>
    </message>
    <message>
        <location line="-269"/>
        <source>Save endpoint</source>
        <translation>Guardar endpoint</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send event</source>
        <translation>Enviar evento</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+685"/>
        <source>Receiver</source>
        <translation>Receptor</translation>
    </message>
    <message>
        <location line="-665"/>
        <source>Keychain: checking…</source>
        <translation>Llavero: comprobando…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>All endpoints</source>
        <translation>Todos los endpoints</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No answer</source>
        <translation>Sin respuesta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All event types</source>
        <translation>Todos los tipos de evento</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search event id, type, endpoint or URL</source>
        <translation>Buscar id de evento, tipo, endpoint o URL</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>(unnamed)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>New endpoint</source>
        <translation>Nuevo endpoint</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+4"/>
        <source>%1 (copy)</source>
        <translation>%1 (copia)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Duplicate %1</source>
        <translation>Duplicar %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Not deleted: cannot read the receiver file: %1</source>
        <translation>No se ha borrado: no se puede leer el archivo del receptor: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+12"/>
        <source>Deleted. Undo (%1) brings it back.</source>
        <translation>Eliminado. Deshacer (%1) lo recupera.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Saving %1…</source>
        <translation>Guardando %1…</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+246"/>
        <location line="+69"/>
        <source>Not saved: %1</source>
        <translation>No guardado: %1</translation>
    </message>
    <message>
        <location line="-305"/>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose or add an endpoint first (Ctrl+N adds one).</source>
        <translation>Elija o añada primero un endpoint (Ctrl+N añade uno).</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <location line="+30"/>
        <location line="+334"/>
        <location line="+10"/>
        <source>Not sent: %1</source>
        <translation>No enviado: %1</translation>
    </message>
    <message>
        <location line="-369"/>
        <location line="+342"/>
        <source>Not sent: the event is not valid: %1</source>
        <translation>No enviado: el evento no es válido: %1</translation>
    </message>
    <message>
        <location line="-328"/>
        <location line="+422"/>
        <source>Reading secrets…</source>
        <translation>Leyendo secretos…</translation>
    </message>
    <message>
        <location line="-393"/>
        <source>Attempt %1 of %2 in flight…</source>
        <translation>Intento %1 de %2 en curso…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Attempt %1 failed (%2); next attempt in %3. Esc cancels.</source>
        <translation>El intento %1 falló (%2); próximo intento en %3. Esc cancela.</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Delivered after %n attempt(s).</source>
        <translation>
            <numerusform>Entregado tras %n intento.</numerusform>
            <numerusform>Entregado tras %n intentos.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not delivered: %1</source>
        <translation>No entregado: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Nothing to copy: send an event or pick one in the history first</source>
        <translation>Nada que copiar: envíe primero un evento o elija uno en el historial</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>curl command copied (secrets masked)</source>
        <translation>Comando curl copiado (secretos enmascarados)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Keychain: available</source>
        <translation>Llavero: disponible</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keychain: not available</source>
        <translation>Llavero: no disponible</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;No keychain answers.&lt;/b&gt; Secret values you type cannot be saved, and nothing is written in plain text instead. Start your desktop&apos;s keyring (GNOME Keyring or KWallet) and restart HookBench, or give secrets as env:NAME or file:PATH references.&lt;br&gt;%1</source>
        <translation>&lt;b&gt;Ningún llavero responde.&lt;/b&gt; Los valores secretos que escriba no se pueden guardar, y tampoco se escribe nada en texto plano en su lugar. Inicie el llavero de su escritorio (GNOME Keyring o KWallet) y reinicie HookBench, o indique los secretos como referencias env:NAME o file:PATH.&lt;br&gt;%1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1%2 — HookBench</source>
        <translation>%1%2 — HookBench</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import endpoint profile</source>
        <translation>Importar perfil de endpoint</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+26"/>
        <source>Endpoint profiles (*.json)</source>
        <translation>Perfiles de endpoint (*.json)</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Not imported: %1</source>
        <translation>No importado: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Imported</source>
        <translation>Importado</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export endpoint profile</source>
        <translation>Exportar perfil de endpoint</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not exported: %1</source>
        <translation>No exportado: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported with keychain references only; the secrets stay in this keychain</source>
        <translation>Exportado solo con referencias al llavero; los secretos se quedan en este llavero</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save event</source>
        <translation>Guardar evento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Event saved</source>
        <translation>Evento guardado</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Choose an endpoint to check first.</source>
        <translation>Elija primero un endpoint que comprobar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not checked: the event is not valid: %1</source>
        <translation>No comprobado: el evento no es válido: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Choose an endpoint first.</source>
        <translation>Elija primero un endpoint.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sending a tampered copy…</source>
        <translation>Enviando una copia manipulada…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>this endpoint signs nothing, so there is no signature to break</source>
        <translation>este endpoint no firma nada, así que no hay firma que romper</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tampered request (%1) refused: %2</source>
        <translation>Petición manipulada (%1) rechazada: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tampered request (%1) NOT refused: %2</source>
        <translation>Petición manipulada (%1) NO rechazada: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Add an endpoint to replay to first.</source>
        <translation>Añada primero un endpoint al que reenviar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Replay to endpoint</source>
        <translation>Reenviar a un endpoint</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send request #%1 to:</source>
        <translation>Enviar la petición #%1 a:</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Not replayed: %1</source>
        <translation>No reenviado: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The demo could not be set up: %1</source>
        <translation>No se pudo configurar la demostración: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;The demo could not be set up:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;No se pudo configurar la demostración:&lt;/b&gt; %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/CheckEndpointDialog.cpp" line="-194"/>
        <source>an authorization-code endpoint needs a browser sign-in; check it with a bearer profile holding a token</source>
        <translation>un endpoint de authorization-code necesita iniciar sesión en el navegador; compruébelo con un perfil Bearer que contenga un token</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>no delivery engine</source>
        <translation>no hay motor de entrega</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the token request was refused: %1</source>
        <translation>la petición de token fue rechazada: %1</translation>
    </message>
</context>
<context>
    <name>ReceivedModel</name>
    <message>
        <location filename="../ui/ReceivedModel.cpp" line="+38"/>
        <source>no checks</source>
        <translation>sin comprobaciones</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1/%2 passed</source>
        <translation>%1/%2 superadas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1/%2 passed; failed: %3</source>
        <translation>%1/%2 superadas; fallidas: %3</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>duplicate</source>
        <translation>duplicado</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Path</source>
        <translation>Ruta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checks</source>
        <translation>Comprobaciones</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duplicate</source>
        <translation>Duplicado</translation>
    </message>
</context>
<context>
    <name>ReceiverLibrary</name>
    <message>
        <location filename="../ui/ReceiverLibrary.cpp" line="+38"/>
        <source>Receiver</source>
        <translation>Receptor</translation>
    </message>
    <message>
        <location line="+134"/>
        <location line="+32"/>
        <source>there is no receiver %1</source>
        <translation>no existe el receptor %1</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>cannot delete the receiver file: %1</source>
        <translation>no se puede eliminar el archivo del receptor: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a receiver named %1 exists again; rename it, then undo once more</source>
        <translation>vuelve a existir un receptor llamado %1; cámbiele el nombre y vuelva a deshacer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot write the receiver file: %1</source>
        <translation>no se puede escribir el archivo del receptor: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Rename: give the receiver a name</source>
        <translation>Cambiar nombre: dé un nombre al receptor</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rename: &quot;%1&quot; cannot be a file name; leave out / \ : * ? &quot; &lt; &gt; |, a leading dot and spaces at either end</source>
        <translation>Cambiar nombre: &quot;%1&quot; no puede ser un nombre de archivo; omita / \ : * ? &quot; &lt; &gt; |, un punto inicial y los espacios en los extremos</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rename: there is already a receiver named %1; choose another name</source>
        <translation>Cambiar nombre: ya hay un receptor llamado %1; elija otro nombre</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>cannot rename the receiver file %1 to %2</source>
        <translation>no se puede cambiar el nombre del archivo del receptor %1 a %2</translation>
    </message>
</context>
<context>
    <name>ReceiverPanel</name>
    <message>
        <location filename="../ui/ReceiverPanel.cpp" line="+162"/>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verification</source>
        <translation>Verificación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responses</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token endpoint</source>
        <translation>Endpoint de tokens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key set (JWKS)</source>
        <translation>Conjunto de claves (JWKS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limits</source>
        <translation>Límites</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+1038"/>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <location line="-1036"/>
        <source>Start or stop this receiver (Ctrl+R)</source>
        <translation>Iniciar o detener este receptor (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save receiver</source>
        <translation>Guardar receptor</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not running</source>
        <translation>no está en marcha</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the receiver URL</source>
        <translation>Copiar la URL del receptor</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Receiver URL copied</source>
        <translation>URL del receptor copiada</translation>
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
        <translation>Detenido</translation>
    </message>
    <message>
        <location line="-984"/>
        <source>host:port; port 0 picks a free port</source>
        <translation>host:puerto; el puerto 0 elige uno libre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>⚠ Not a loopback address: the receiver will be reachable from the network.</source>
        <translation>⚠ No es una dirección de loopback: el receptor será accesible desde la red.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>optional: http://127.0.0.1:3000</source>
        <translation>opcional: http://127.0.0.1:3000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Listen:</source>
        <translation>&amp;Escuchar en:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Forward accepted to:</source>
        <translation>&amp;Reenviar los aceptados a:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make a self-signed certificate at start</source>
        <translation>Crear un certificado autofirmado al iniciar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Require a client certificate (mutual TLS)</source>
        <translation>Exigir un certificado de cliente (TLS mutuo)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Certificate:</source>
        <translation>Certificado:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key:</source>
        <translation>Clave:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client CA:</source>
        <translation>CA de cliente:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basic</source>
        <translation>Basic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bearer token</source>
        <translation>Token Bearer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom header</source>
        <translation>Cabecera personalizada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OAuth 2.0 (tokens of this receiver&apos;s token endpoint)</source>
        <translation>OAuth 2.0 (tokens del endpoint de tokens de este receptor)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <location line="+2"/>
        <location line="+204"/>
        <source>value or env:/file:/keychain:</source>
        <translation>valor o env:/file:/keychain:</translation>
    </message>
    <message>
        <location line="-203"/>
        <source>optional, e.g. ApiKey </source>
        <translation>opcional, p. ej. ApiKey </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written before the key in the header, e.g. ApiKey </source>
        <translation>Se escribe delante de la clave en la cabecera, p. ej. ApiKey </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Authentication:</source>
        <translation>&amp;Autenticación:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Username:</source>
        <translation>Usuario:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Header:</source>
        <translation>Cabecera:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value:</source>
        <translation>Valor:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prefix:</source>
        <translation>Prefijo:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scheme</source>
        <translation>Esquema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secrets (comma-separated, for rotation)</source>
        <translation>Secretos (separados por comas, para rotación)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tolerance</source>
        <translation>Tolerancia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Header (hmac-sha256)</source>
        <translation>Cabecera (hmac-sha256)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoding</source>
        <translation>Codificación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prefix</source>
        <translation>Prefijo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>hmac-sha256 only: where the signature is; empty means X-Webhook-Signature</source>
        <translation>solo hmac-sha256: dónde va la firma; vacío significa X-Webhook-Signature</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hmac-sha256 only: hex or base64</source>
        <translation>solo hmac-sha256: hex o base64</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hmac-sha256 only: text before the signature in the header, e.g. sha256=</source>
        <translation>solo hmac-sha256: texto delante de la firma en la cabecera, p. ej. sha256=</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add signature</source>
        <translation>Añadir firma</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Signatures:</source>
        <translation>Firmas:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HS256 secret</source>
        <translation>Secreto HS256</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A JWKS file; the token&apos;s kid chooses the key</source>
        <translation>Un archivo JWKS; el kid del token elige la clave</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional: https://sender.example/jwks.json</source>
        <translation>opcional: https://sender.example/jwks.json</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetched at start, and again (at most once a minute) for an unknown kid</source>
        <translation>Se descarga al iniciar y de nuevo (como mucho una vez por minuto) ante un kid desconocido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answer a repeated event id 200 and mark it duplicate</source>
        <translation>Responder 200 a un id de evento repetido y marcarlo como duplicado</translation>
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
        <translation>sin límite de antigüedad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JWS public key:</source>
        <translation>Clave pública JWS:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JWS secret:</source>
        <translation>Secreto JWS:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JWS key set (JWKS file):</source>
        <translation>Conjunto de claves JWS (archivo JWKS):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JWS key set URL:</source>
        <translation>URL del conjunto de claves JWS:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JWE private key:</source>
        <translation>Clave privada JWE:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dedupe:</source>
        <translation>Duplicados:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max age:</source>
        <translation>Antigüedad máxima:</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>secret, or env:/file:/keychain: reference</source>
        <translation>secreto o referencia env:/file:/keychain:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The first accepted requests get these statuses in turn, then Status</source>
        <translation>Las primeras peticiones aceptadas reciben estos estados por turno, después Estado</translation>
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
        <translation>Descartar: cerrar la conexión sin responder</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>These apply to the running receiver as you edit them.</source>
        <translation>Se aplican al receptor en marcha a medida que las edita.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Status:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status se&amp;quence:</source>
        <translation>&amp;Secuencia de estados:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delay:</source>
        <translation>&amp;Retardo:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Headers:</source>
        <translation>Cabeceras:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body:</source>
        <translation>Cuerpo:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Issue client-credentials tokens</source>
        <translation>Emitir tokens de credenciales de cliente</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+30"/>
        <source>Path:</source>
        <translation>Ruta:</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Client id:</source>
        <translation>Id de cliente:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client secret:</source>
        <translation>Secreto de cliente:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client authentication:</source>
        <translation>Autenticación del cliente:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens valid for:</source>
        <translation>Tokens válidos durante:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Serve a public key set (JWKS)</source>
        <translation>Servir un conjunto de claves públicas (JWKS)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>optional: file:keys.json</source>
        <translation>opcional: file:keys.json</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A JWKS file: only the public part of its keys is served</source>
        <translation>Un archivo JWKS: solo se sirve la parte pública de sus claves</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also serve the public part of the JWE private key</source>
        <translation>Servir también la parte pública de la clave privada JWE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>default: the key&apos;s RFC 7638 thumbprint</source>
        <translation>predeterminado: la huella RFC 7638 de la clave</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Senders fetch the receiver&apos;s encryption key here; another receiver&apos;s JWS key set URL can point here too. Private parts and shared keys are never served.</source>
        <translation>Los emisores obtienen aquí la clave de cifrado del receptor; la URL del conjunto de claves JWS de otro receptor también puede apuntar aquí. Nunca se sirven partes privadas ni claves compartidas.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>JWKS file:</source>
        <translation>Archivo JWKS:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decryption key id:</source>
        <translation>Id. de la clave de descifrado:</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+1"/>
        <source> bytes</source>
        <translation> bytes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Max body:</source>
        <translation>Cuerpo máximo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max headers:</source>
        <translation>Cabeceras máximas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Header timeout:</source>
        <translation>Tiempo límite de cabeceras:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max connections:</source>
        <translation>Conexiones máximas:</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Checks</source>
        <translation>Comprobaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request</source>
        <translation>Petición</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payload</source>
        <translation>Carga útil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client certificate</source>
        <translation>Certificado de cliente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replay to endpoint…</source>
        <translation>Reenviar a un endpoint…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy as curl</source>
        <translation>Copiar como curl</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>curl command copied (secrets masked)</source>
        <translation>Comando curl copiado (secretos enmascarados)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>optional: Authorization</source>
        <translation>opcional: Authorization</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>Status sequence: &quot;%1&quot; is not an HTTP status (100–599); write e.g. 500, 500, 200</source>
        <translation>Secuencia de estados: «%1» no es un estado HTTP (100–599); escriba p. ej. 500, 500, 200</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Response headers: &quot;%1&quot; needs the form Name: value</source>
        <translation>Cabeceras de respuesta: «%1» necesita la forma Nombre: valor</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>Listen: %1</source>
        <translation>Escuchar en: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Forward to: give an http:// or https:// URL</source>
        <translation>Reenviar a: indique una URL http:// o https://</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TLS: give a certificate and a key, or check &quot;self-signed&quot;</source>
        <translation>TLS: indique un certificado y una clave, o marque «autofirmado»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS: requiring a client certificate needs HTTPS and a client CA</source>
        <translation>TLS: exigir un certificado de cliente necesita HTTPS y una CA de cliente</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Authentication: Basic needs a username and a password</source>
        <translation>Autenticación: Basic necesita un usuario y una contraseña</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Authentication: give the token to expect</source>
        <translation>Autenticación: indique el token esperado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Authentication: give the value to expect</source>
        <translation>Autenticación: indique el valor esperado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Authentication: a custom header needs its name</source>
        <translation>Autenticación: una cabecera personalizada necesita su nombre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Authentication: &quot;%1&quot; is not a header name; use letters, digits and -, such as X-Api-Key</source>
        <translation>Autenticación: &quot;%1&quot; no es un nombre de cabecera; use letras, dígitos y -, como X-Api-Key</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Authentication: the prefix cannot hold line breaks or NUL characters</source>
        <translation>Autenticación: el prefijo no puede contener saltos de línea ni caracteres NUL</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Authentication: OAuth 2.0 accepts only this receiver&apos;s tokens; turn on the token endpoint</source>
        <translation>Autenticación: OAuth 2.0 solo acepta los tokens de este receptor; active el endpoint de tokens</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signatures, row %1: give at least one secret</source>
        <translation>Firmas, fila %1: indique al menos un secreto</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signatures, row %1: &quot;%2&quot; is not a header name; use letters, digits and -, such as X-Webhook-Signature (or leave it empty for that default)</source>
        <translation>Firmas, fila %1: &quot;%2&quot; no es un nombre de cabecera; use letras, dígitos y -, como X-Webhook-Signature (o déjelo vacío para usar ese valor predeterminado)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signatures, row %1: the prefix cannot hold line breaks or NUL characters</source>
        <translation>Firmas, fila %1: el prefijo no puede contener saltos de línea ni caracteres NUL</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>JWS key set URL: give an absolute http:// or https:// URL, such as https://sender.example/jwks.json</source>
        <translation>URL del conjunto de claves JWS: indique una URL absoluta http:// o https://, como https://sender.example/jwks.json</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Key set: the path starts with /, such as /.well-known/jwks.json</source>
        <translation>Conjunto de claves: la ruta empieza por /, como /.well-known/jwks.json</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key set: the path is the token endpoint&apos;s path too; give each its own path</source>
        <translation>Conjunto de claves: la ruta es también la del endpoint de tokens; dé a cada uno su propia ruta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key set: give a JWKS file to serve (file:keys.json), or check &quot;Also serve the public part of the JWE private key&quot;</source>
        <translation>Conjunto de claves: indique un archivo JWKS que servir (file:keys.json) o marque &quot;Servir también la parte pública de la clave privada JWE&quot;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Key set: serving the decryption key needs a JWE private key (Verification tab)</source>
        <translation>Conjunto de claves: servir la clave de descifrado requiere una clave privada JWE (pestaña Verificación)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Token endpoint: the path starts with /</source>
        <translation>Endpoint de tokens: la ruta empieza por /</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Token endpoint: give a client id and a client secret</source>
        <translation>Endpoint de tokens: indique un id de cliente y un secreto de cliente</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Token endpoint: client authentication &quot;%1&quot; is not one of basic, post, jwt</source>
        <translation>Endpoint de tokens: la autenticación del cliente «%1» no es ninguna de basic, post, jwt</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Running; answers changed: status %1%2%3%4</source>
        <translation>En marcha; respuestas cambiadas: estado %1%2%3%4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, sequence %1</source>
        <translation>, secuencia %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, delay %1 ms</source>
        <translation>, retardo %1 ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, dropping connections</source>
        <translation>, descartando conexiones</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Running: %1 — changes outside Responses apply after Stop and Start</source>
        <translation>En marcha: %1 — los cambios fuera de «Respuestas» se aplican tras Detener e Iniciar</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+17"/>
        <source>Not saved: %1</source>
        <translation>No guardado: %1</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>no receiver library</source>
        <translation>no hay biblioteca de receptores</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Receiver</source>
        <translation>Receptor</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Receiver saved</source>
        <translation>Receptor guardado</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+38"/>
        <source>Not started: %1</source>
        <translation>No iniciado: %1</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Could not store requests (answered 503): %1</source>
        <translation>No se pudieron guardar las peticiones (respondidas con 503): %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Certificate SHA-256: %1</source>
        <translation>Certificado SHA-256: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Running: %1</source>
        <translation>En marcha: %1</translation>
    </message>
    <message>
        <location line="-151"/>
        <location line="+151"/>
        <source>unsaved receiver</source>
        <translation>receptor sin guardar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; token endpoint %1</source>
        <translation>; endpoint de tokens %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> — reachable from the network</source>
        <translation> — accesible desde la red</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not started</source>
        <translation>No iniciado</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&lt;p&gt;Select a request to see its checks explained.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Seleccione una petición para ver sus comprobaciones explicadas.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> (duplicate of an event already seen)</source>
        <translation> (duplicado de un evento ya visto)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;This receiver checks nothing: every request is accepted.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Este receptor no comprueba nada: se acepta cualquier petición.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>JOSE headers and claims:
%1
</source>
        <translation>Cabeceras y claims JOSE:
%1
</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Payload:
%1</source>
        <translation>Carga útil:
%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plain HTTP: no TLS session, no client certificate.</source>
        <translation>HTTP sin cifrar: sin sesión TLS, sin certificado de cliente.</translation>
    </message>
</context>
<context>
    <name>RetryTimelineWidget</name>
    <message>
        <location filename="../ui/RetryTimelineWidget.cpp" line="+15"/>
        <source>Retry timeline</source>
        <translation>Cronología de reintentos</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>No attempts</source>
        <translation>Sin intentos</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>first try</source>
        <translation>primer intento</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no retries</source>
        <translation>sin reintentos</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n intento</numerusform>
            <numerusform>%n intentos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SecretLineEdit</name>
    <message>
        <location filename="../ui/SecretLineEdit.cpp" line="+15"/>
        <location line="+13"/>
        <source>Reveal</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Show or hide the secret</source>
        <translation>Mostrar u ocultar el secreto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>value, or env:NAME, file:PATH, keychain:NAME</source>
        <translation>valor, o env:NAME, file:PATH, keychain:NAME</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
</context>
<context>
    <name>TokenExchangeView</name>
    <message>
        <location filename="../ui/TokenExchangeView.cpp" line="+50"/>
        <source>Client assertion (decoded; the signature is left out):</source>
        <translation>Aserción del cliente (decodificada; sin la firma):</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No token request was made: the token came from the cache.</source>
        <translation>No se pidió ningún token: el token vino de la caché.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2 (client auth %3): </source>
        <translation>%1 %2 (autenticación del cliente %3): </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>HTTP %1 in %2 ms</source>
        <translation>HTTP %1 en %2 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no answer after %1 ms</source>
        <translation>sin respuesta tras %1 ms</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, %1 tries</source>
        <translation>, %1 intentos</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>HTTP %1 (%2)</source>
        <translation>HTTP %1 (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No answer.</source>
        <translation>Sin respuesta.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>try %1: %2 ms %3</source>
        <translation>intento %1: %2 ms %3</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>header:
%1
claims:
%2</source>
        <translation>cabecera:
%1
claims:
%2</translation>
    </message>
</context>
<context>
    <name>TraceInspector</name>
    <message>
        <location filename="../ui/TraceInspector.cpp" line="+29"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Ra&amp;w body</source>
        <translation>Cuerpo en b&amp;ruto</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Request</source>
        <translation>Petición</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Response</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signatures</source>
        <translation>Firmas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Timing:</source>
        <translation>Tiempos:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS:</source>
        <translation>TLS:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timing and TLS</source>
        <translation>Tiempos y TLS</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Nothing sent yet. Press Ctrl+Return to send the event to the endpoint.</source>
        <translation>Aún no se ha enviado nada. Pulse Ctrl+Intro para enviar el evento al endpoint.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sending %1 to %2…</source>
        <translation>Enviando %1 a %2…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>From history: %1, %2</source>
        <translation>Del historial: %1, %2</translation>
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
        <translation>  entregado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  retrying in %1</source>
        <translation>  reintento en %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  failed</source>
        <translation>  fallido</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>no answer</source>
        <translation>sin respuesta</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>; next attempt in %1 (%2)</source>
        <translation>; próximo intento en %1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>
redirect %1</source>
        <translation>
redirección %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>
token: %1</source>
        <translation>
token: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>attempt %1 of %2, started %3, %4 ms</source>
        <translation>intento %1 de %2, iniciado %3, %4 ms</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>plain HTTP (no TLS)</source>
        <translation>HTTP sin cifrar (sin TLS)</translation>
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
… (truncado a %1 bytes)</translation>
    </message>
</context>
</TS>
