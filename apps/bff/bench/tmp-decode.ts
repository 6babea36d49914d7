import { seedScenario, startEmulator, WELL_KNOWN_API_KEY } from '@console/codat-emulator';
import { companySchema, pageOf } from '@console/codat-client';
const running = await startEmulator({ setup: (emu) => seedScenario(emu, { scenario: 'fleet', companies: 3000, seed: 1 }) });
const auth = `Basic ${Buffer.from(WELL_KNOWN_API_KEY).toString('base64')}`;
const text = await (await fetch(`${running.url}/companies?page=1&pageSize=1000&orderBy=created`, { headers: { Authorization: auth } })).text();
console.log('bytes', text.length);
const schema = pageOf(companySchema);
for (let round = 0; round < 5; round++) {
  let t = performance.now();
  const json = JSON.parse(text);
  const parseMs = performance.now() - t;
  t = performance.now();
  const r = schema.safeParse(json);
  console.log('parse', parseMs.toFixed(1), 'zod', (performance.now() - t).toFixed(1), r.success);
}
await running.close?.();
process.exit(0);
