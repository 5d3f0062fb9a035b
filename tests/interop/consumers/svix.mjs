// A consumer as Svix's guide writes it: new Webhook(secret).verify(payload, headers).
import { Webhook } from "svix";
import { secret, serve } from "./serve.mjs";

const wh = new Webhook(secret());

serve((req, body) => {
    try {
        const event = wh.verify(body, req.headers);
        return { status: 200, id: event.id };
    } catch (err) {
        return { status: 400, error: `${err.name}: ${err.message}` };
    }
});
