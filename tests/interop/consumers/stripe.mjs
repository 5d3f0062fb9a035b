// A consumer as Stripe's guide writes it: stripe.webhooks.constructEvent(body, signature header,
// endpoint secret, tolerance) on the raw body, 400 with the error message when it throws.
import Stripe from "stripe";
import { secret, serve } from "./serve.mjs";

// constructEvent never calls the API; the key only satisfies the constructor.
const stripe = new Stripe("sk_test_hookbench_interop_not_used");
const endpointSecret = secret();

serve((req, body) => {
    try {
        const event = stripe.webhooks.constructEvent(body, req.headers["stripe-signature"], endpointSecret, 300);
        return { status: 200, id: event.id };
    } catch (err) {
        return { status: 400, error: `Webhook Error: ${err.message}` };
    }
});
