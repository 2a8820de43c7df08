// Runs the fake Web API by hand: `npm run serve:fake [-- PORT]`, then open the printed host URL.
import { startFakeWebApi } from "./server.mjs";
import { IDS } from "./data.mjs";

const port = Number(process.argv[2] ?? 5173);
const s = await startFakeWebApi({ port });
console.log(`fake Web API at ${s.apiBase}`);
for (const [name, id] of Object.entries(IDS)) {
  console.log(`${name.padEnd(10)} ${s.base}/host/account-form.html?id=${id}`);
}
