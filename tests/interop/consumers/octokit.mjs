// A consumer as GitHub's guide writes it with @octokit/webhooks-methods:
// verify(secret, body, X-Hub-Signature-256), 401 when it is not verified.
import { verify } from "@octokit/webhooks-methods";
import { secret, serve } from "./serve.mjs";

const webhookSecret = secret();

serve(async (req, body) => {
    let verified = false;
    try {
        verified = await verify(webhookSecret, body, req.headers["x-hub-signature-256"]);
    } catch (err) {
        return { status: 401, error: `Unauthorized: ${err.message}` };
    }
    if (!verified) {
        return { status: 401, error: "Unauthorized" };
    }
    return { status: 200, id: JSON.parse(body).id };
});
