/**
 * Child process of the BFF benchmark: the floor. A Hono app on @hono/node-server that forwards
 * GET /api/companies/:id and /api/companies to the emulator over an undici pool and re-serialises
 * the JSON — no session, access check, validation, log or metrics. What it keeps of the direct
 * throughput is what any proxy hop costs on this machine, whatever the BFF does on top.
 */
import { serve } from '@hono/node-server';
import { WELL_KNOWN_API_KEY } from '@console/codat-emulator';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { sendReady } from './ipc.js';

const pool = new Pool(process.env.EMULATOR_URL!, { connections: 32 });
const authorization = `Basic ${Buffer.from(WELL_KNOWN_API_KEY).toString('base64')}`;
const forward = async (path: string) => (await pool.request({ method: 'GET', path, headers: { authorization } })).body.json() as Promise<object>;

const app = new Hono();
app.get('/api/companies/:id', async (c) => c.json(await forward(`/companies/${c.req.param('id')}`)));
app.get('/api/companies', async (c) => c.json(await forward('/companies?page=1&pageSize=25')));
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => sendReady({ url: `http://127.0.0.1:${info.port}` }));
