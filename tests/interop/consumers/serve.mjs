// The plumbing the consumers share, so each of them holds only what its provider's guide says:
// an HTTP server on 127.0.0.1 (port 0: the system picks a free one), the raw body read as it
// arrived (every guide insists on the raw bytes), and one JSON line on stdout per event:
//   {"listening":"http://127.0.0.1:PORT"}              once, when ready
//   {"accepted":true,"id":"evt_..."}                  the library verified it (id from its result)
//   {"accepted":false,"error":"..."}                  the library refused it
import http from "node:http";

export function serve(handle) {
    const server = http.createServer((req, res) => {
        const chunks = [];
        req.on("data", (chunk) => chunks.push(chunk));
        req.on("end", async () => {
            const body = Buffer.concat(chunks).toString("utf8");
            let answer;
            try {
                answer = await handle(req, body);
            } catch (err) {
                answer = { status: 500, error: `consumer crashed: ${err}` };
            }
            const accepted = answer.status >= 200 && answer.status < 300;
            console.log(JSON.stringify(accepted ? { accepted, id: answer.id ?? null } : { accepted, error: answer.error }));
            res.writeHead(answer.status, { "Content-Type": "text/plain; charset=utf-8" });
            res.end(accepted ? "ok\n" : `${answer.error}\n`);
        });
    });
    server.listen(0, "127.0.0.1", () => {
        console.log(JSON.stringify({ listening: `http://127.0.0.1:${server.address().port}` }));
    });
    const stop = () => server.close(() => process.exit(0));
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
}

// The secret, from the environment as every guide has it.
export function secret() {
    const value = process.env.WEBHOOK_SECRET;
    if (!value) {
        console.error("WEBHOOK_SECRET is not set");
        process.exit(2);
    }
    return value;
}
